package io.sessionkeys.internal.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

@Name("io.sessionkeys.KeyDestroyed")
@Label("Session Key Destroyed")
@Category({"SessionKeys"})
@Description("A session key's material was zeroized. Never carries key material.")
@StackTrace(false)
final class KeyDestroyedEvent extends Event {
    @Label("Key Id")
    String keyId;
    @Label("Algorithm")
    String algorithm;
    @Label("Reason")
    String reason;
    @Label("Age")
    @Timespan(Timespan.MILLISECONDS)
    long age;
    @Label("Encryptions")
    long encryptions;
    @Label("Bytes Encrypted")
    long bytesEncrypted;
}
