package io.sessionkeys.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Every configuration setting: its name, what it accepts, and how it changes the settings being
 * built. The README's configuration reference and the template in {@code META-INF-templates/}
 * list the same names; a test keeps the three in step.
 */
enum Setting {
    ENCRYPT_LIFETIME("sessionkeys.policy.encryptLifetime", "an ISO-8601 duration such as PT8H, or none") {
        @Override
        void apply(String value, Settings.Builder target) {
            target.policy.encryptLifetime(duration(value));
        }
    },
    DECRYPT_LIFETIME("sessionkeys.policy.decryptLifetime", "an ISO-8601 duration such as P1D, or none") {
        @Override
        void apply(String value, Settings.Builder target) {
            target.policy.decryptLifetime(duration(value));
        }
    },
    MAX_ENCRYPTIONS("sessionkeys.policy.maxEncryptions", "a positive whole number, or algorithm") {
        @Override
        void apply(String value, Settings.Builder target) {
            target.policy.maxEncryptions(limit(value));
        }
    },
    MAX_BYTES("sessionkeys.policy.maxBytes", "a positive whole number of bytes, or algorithm") {
        @Override
        void apply(String value, Settings.Builder target) {
            target.policy.maxBytes(limit(value));
        }
    },
    WRAPPABLE("sessionkeys.policy.wrappable", "true or false") {
        @Override
        void apply(String value, Settings.Builder target) {
            target.policy.wrappable(bool(value));
        }
    },
    PLAINTEXT_EXPORT("sessionkeys.policy.plaintextExport", "true or false") {
        @Override
        void apply(String value, Settings.Builder target) {
            target.policy.plaintextExportable(bool(value));
        }
    },
    ENGINE("sessionkeys.engine", "auto, native or java") {
        @Override
        void apply(String value, Settings.Builder target) {
            String v = value.toLowerCase(Locale.ROOT);
            if (!v.equals("auto") && !v.equals("native") && !v.equals("java")) {
                throw new IllegalArgumentException("not an engine choice");
            }
            target.engine = v;
        }
    },
    LIBCRYPTO("sessionkeys.libcrypto", "system, or the path of a libcrypto shared library") {
        @Override
        void apply(String value, Settings.Builder target) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            target.libcrypto = value.equalsIgnoreCase("system") ? null : value;
        }
    },
    AES_KERNEL("sessionkeys.aesKernel", "auto or off") {
        @Override
        void apply(String value, Settings.Builder target) {
            if (value.equalsIgnoreCase("auto")) {
                target.aesKernel = true;
            } else if (value.equalsIgnoreCase("off")) {
                target.aesKernel = false;
            } else {
                throw new IllegalArgumentException("neither auto nor off");
            }
        }
    },
    MEMORY("sessionkeys.memory", "auto, secret, locked or plain") {
        @Override
        void apply(String value, Settings.Builder target) {
            String v = value.toLowerCase(Locale.ROOT);
            if (!v.equals("auto") && !v.equals("secret") && !v.equals("locked") && !v.equals("plain")) {
                throw new IllegalArgumentException("not a memory choice");
            }
            target.memory = v;
        }
    },
    DROP_IN_KEY_BYTES("sessionkeys.dropIn.keyBytes", "readable or sealed") {
        @Override
        void apply(String value, Settings.Builder target) {
            if (value.equalsIgnoreCase("readable")) {
                target.dropInReadable = true;
            } else if (value.equalsIgnoreCase("sealed")) {
                target.dropInReadable = false;
            } else {
                throw new IllegalArgumentException("neither readable nor sealed");
            }
        }
    };


    final String key;
    final String accepts;

    Setting(String key, String accepts) {
        this.key = key;
        this.accepts = accepts;
    }

    /** Applies {@code value}; throws {@link IllegalArgumentException} if it is not acceptable. */
    abstract void apply(String value, Settings.Builder target);

    /** The prefixes under which every system property must be a setting. */
    private static final String[] GROUPS = {"sessionkeys.policy.", "sessionkeys.dropIn."};

    /** Settings that are a name of their own rather than a group. */
    private static final String[] SINGLES = {"sessionkeys.engine", "sessionkeys.libcrypto", "sessionkeys.aesKernel",
        "sessionkeys.memory"};

    static boolean inSettingsGroup(String propertyName) {
        for (String group : GROUPS) {
            if (propertyName.startsWith(group)) {
                return true;
            }
        }
        for (String single : SINGLES) {
            if (propertyName.equals(single)) {
                return true;
            }
        }
        return false;
    }

    static Setting byKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }

    static String allKeys() {
        StringBuilder sb = new StringBuilder();
        for (Setting s : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s.key);
        }
        return sb.toString();
    }

    private static Duration duration(String value) {
        if (value.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration");
        }
    }

    private static long limit(String value) {
        if (value.equalsIgnoreCase("algorithm")) {
            return 0;
        }
        try {
            long v = Long.parseLong(value.replace("_", ""));
            if (v <= 0) {
                throw new IllegalArgumentException("not positive");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not true or false");
    }
}
