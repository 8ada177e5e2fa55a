package io.sessionkeys.internal.wrap;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** The OAEP parameters RSA-OAEP accepts (MGF1 and a specified label), and the codec they make. */
final class OaepParameters {

    private OaepParameters() {
    }

    /**
     * What {@code OAEPWith<H>AndMGF1Padding} means without parameters: label hash H, MGF1 over
     * SHA-1, as in SunJCE; {@code hashName} {@code null} for {@code RSA/ECB/OAEPPadding} (all SHA-1).
     */
    static OAEPParameterSpec defaults(String hashName) {
        return hashName == null ? OAEPParameterSpec.DEFAULT
                : new OAEPParameterSpec(hashName, "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
    }

    /** {@code spec} checked for {@code name}, or {@code defaults} if it is {@code null}. */
    static OAEPParameterSpec checked(AlgorithmParameterSpec spec, OAEPParameterSpec defaults, String name)
            throws InvalidAlgorithmParameterException {
        if (spec == null) {
            return defaults;
        }
        if (!(spec instanceof OAEPParameterSpec)) {
            throw new InvalidAlgorithmParameterException(name + " accepts only an OAEPParameterSpec, not "
                    + spec.getClass().getName());
        }
        OAEPParameterSpec o = (OAEPParameterSpec) spec;
        if (!"MGF1".equalsIgnoreCase(o.getMGFAlgorithm()) || !(o.getMGFParameters() instanceof MGF1ParameterSpec)) {
            throw new InvalidAlgorithmParameterException(name + " supports only MGF1 with an MGF1ParameterSpec,"
                    + " not " + o.getMGFAlgorithm());
        }
        if (!(o.getPSource() instanceof PSource.PSpecified)) {
            throw new InvalidAlgorithmParameterException(name + " supports only PSource.PSpecified labels");
        }
        return o;
    }

    /** The codec of a {@link #checked} spec. */
    static OaepCodec codec(OAEPParameterSpec spec) throws InvalidAlgorithmParameterException {
        try {
            return new OaepCodec(spec.getDigestAlgorithm(),
                    ((MGF1ParameterSpec) spec.getMGFParameters()).getDigestAlgorithm(),
                    ((PSource.PSpecified) spec.getPSource()).getValue());
        } catch (NoSuchAlgorithmException e) {
            throw new InvalidAlgorithmParameterException("OAEP hash not available: " + e.getMessage(), e);
        }
    }
}
