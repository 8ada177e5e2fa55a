package io.sessionkeys.internal.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.sessionkeys.MemoryRegion")
@Label("Session Key Memory Region")
@Category({"SessionKeys"})
@Description("The key arena took a region of memory: its tier (secret, locked or plain), and why a stronger tier refused it, if one did.")
@StackTrace(false)
final class MemoryRegionEvent extends Event {
    @Label("Tier")
    String tier;
    @Label("Size")
    @DataAmount
    long bytes;
    @Label("Fallback")
    @Description("Why a stronger tier refused this region; empty if the strongest tier gave it.")
    String fallback;
}
