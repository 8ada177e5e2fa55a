package io.sessionkeys.internal.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.sessionkeys.KeyLimitReached")
@Label("Session Key Limit Reached")
@Category({"SessionKeys"})
@Description("A session key reached a usage limit and can no longer encrypt.")
@StackTrace(false)
final class KeyLimitReachedEvent extends Event {
    @Label("Key Id")
    String keyId;
    @Label("Limit")
    String limit;
}
