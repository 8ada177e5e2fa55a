package io.sessionkeys.internal.blockmode;

import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import javax.crypto.spec.IvParameterSpec;

/** The IV in and out of JCA's parameter types, with SunJCE's exception types. */
final class IvParameters {

    private IvParameters() {
    }

    /** The IV in {@code params} (a copy), or {@code null} if there are none. */
    static byte[] ivOf(AlgorithmParameterSpec params, String transformation) throws InvalidAlgorithmParameterException {
        if (params == null) {
            return null;
        }
        if (!(params instanceof IvParameterSpec)) {
            throw new InvalidAlgorithmParameterException(transformation + " takes an IvParameterSpec, not "
                    + params.getClass().getName());
        }
        return ((IvParameterSpec) params).getIV();
    }

    /** The IV in {@code params} (a copy), or {@code null} if there are none. */
    static byte[] ivOf(AlgorithmParameters params, String transformation) throws InvalidAlgorithmParameterException {
        if (params == null) {
            return null;
        }
        try {
            return params.getParameterSpec(IvParameterSpec.class).getIV();
        } catch (InvalidParameterSpecException e) {
            throw new InvalidAlgorithmParameterException(transformation + " needs AlgorithmParameters that hold an"
                    + " IV, not " + params.getAlgorithm(), e);
        }
    }

    /** {@code AlgorithmParameters} "AES" holding {@code iv}, as SunJCE returns from getParameters. */
    static AlgorithmParameters of(byte[] iv) {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("AES");
            params.init(new IvParameterSpec(iv));
            return params;
        } catch (NoSuchAlgorithmException | InvalidParameterSpecException e) {
            throw new ProviderException("no AlgorithmParameters for AES in this JDK to hold the IV", e);
        }
    }
}
