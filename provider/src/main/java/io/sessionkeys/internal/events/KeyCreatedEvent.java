package io.sessionkeys.internal.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.sessionkeys.KeyCreated")
@Label("Session Key Created")
@Category({"SessionKeys"})
@Description("A session key was generated, imported, unwrapped or derived. Never carries key material.")
@StackTrace(false)
final class KeyCreatedEvent extends Event {
    @Label("Key Id")
    String keyId;
    @Label("Algorithm")
    String algorithm;
    @Label("Key Size (bits)")
    int keySize;
    @Label("Policy")
    String policy;
}
