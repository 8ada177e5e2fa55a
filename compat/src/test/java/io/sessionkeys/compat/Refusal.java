package io.sessionkeys.compat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A case SessionKeys refuses on purpose: why, the message the application sees (a fragment that must
 * appear in the error chain, so that a refusal for any other reason still counts as a break), and the
 * setting, if any, under which the case works as it does without SessionKeys.
 */
public record Refusal(String caseId, String reason, String expectedMessage, String setting) {

    /** Every refusal by design. A case is added here only with the reason a user would accept. */
    public static final List<Refusal> ALL = List.of(
            // PKCS12 stores getEncoded(), which keys made through the snippet reveal (each read
            // recorded): it works. JCEKS serializes the key object, which a session key refuses whatever its policy.
            new Refusal("keystore.JCEKS.store-generated-key", "a session key is volatile and never serialized:"
                    + " it leaves the JVM only wrapped", "cannot be serialized or stored", null));

    public static Map<String, Refusal> byCase() {
        return ALL.stream().collect(Collectors.toMap(Refusal::caseId, Function.identity()));
    }
}
