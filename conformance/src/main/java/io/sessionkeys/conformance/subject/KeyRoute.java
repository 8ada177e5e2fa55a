package io.sessionkeys.conformance.subject;

/** How raw vector keys become SessionKeys keys: the two ways a user imports a session key. */
public enum KeyRoute {
    /** {@code SecretKeyFactory.getInstance(alg, "SessionKeys").generateSecret(new SecretKeySpec(raw, alg))}. */
    FACTORY("factory"),
    /**
     * Wrapped by SunJCE's {@code AESWrap} (or {@code AESWrapPad} for lengths KW cannot wrap)
     * under a foreign key-encryption key, then unwrapped by SessionKeys' cipher of the same name.
     */
    UNWRAP("unwrap");

    private final String label;

    KeyRoute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static KeyRoute byLabel(String label) {
        for (KeyRoute r : values()) {
            if (r.label.equalsIgnoreCase(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown key route \"" + label + "\": use factory or unwrap");
    }
}
