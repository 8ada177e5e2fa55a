package io.sessionkeys.internal.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.sessionkeys.KeyExported")
@Label("Session Key Exported")
@Category({"SessionKeys"})
@Description("A session key left the provider, wrapped or in plaintext. Never carries key material.")
@StackTrace(true)
final class KeyExportedEvent extends Event {
    @Label("Key Id")
    String keyId;
    @Label("Method")
    String method;
}
