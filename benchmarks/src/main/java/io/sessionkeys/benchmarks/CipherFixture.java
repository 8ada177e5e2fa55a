package io.sessionkeys.benchmarks;

import java.security.GeneralSecurityException;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * One provider's cipher, key and messages, shared by the AEAD and block-mode benchmarks. Every
 * operation is what an application does per message: {@code init} with the key and a fresh IV,
 * then one {@code doFinal}. Output goes to a preallocated buffer so that the allocation profile
 * shows what the provider allocates, not the result array.
 *
 * <p>Decryption alternates between two messages encrypted under different IVs: SunJCE's
 * ChaCha20-Poly1305 refuses an {@code init} with the same key and nonce as the one before, even
 * to decrypt.
 */
public final class CipherFixture {

    private static final int MESSAGES = 2;

    private final ProviderUnderTest who;
    private final Provider provider;
    private final CipherAlgorithm algorithm;
    private final Cipher cipher;
    private final byte[] plaintext;
    private final byte[][] ciphertexts;
    private final byte[][] decryptionIvs = new byte[MESSAGES][];
    private final byte[] output;
    /** The same messages and output as direct buffers, for the {@code ByteBuffer} rows. */
    private final ByteBuffer directPlaintext;
    private final ByteBuffer[] directCiphertexts = new ByteBuffer[MESSAGES];
    private final ByteBuffer directOutput;
    private int next;
    private SecretKey key;
    private IvCounter ivs;

    private CipherFixture(ProviderUnderTest who, Provider provider, CipherAlgorithm algorithm, Cipher cipher,
            int size) {
        this.who = who;
        this.provider = provider;
        this.algorithm = algorithm;
        this.cipher = cipher;
        this.plaintext = Keys.randomBytes(size);
        this.ciphertexts = new byte[MESSAGES][algorithm.ciphertextLength(size)];
        this.output = new byte[algorithm.ciphertextLength(size)];
        this.directPlaintext = ByteBuffer.allocateDirect(size).put(plaintext).flip();
        this.directOutput = ByteBuffer.allocateDirect(output.length);
    }

    /**
     * Opens the fixture and checks a round trip before anything is measured.
     *
     * @throws NotProvidedException if the provider has no such cipher or key generator
     * @throws GeneralSecurityException if the provider has it but it fails: a real error
     */
    public static CipherFixture open(ProviderUnderTest who, Provider provider, CipherAlgorithm algorithm, int size)
            throws NotProvidedException, GeneralSecurityException {
        Cipher cipher = JcaLookup.cipher(provider, algorithm.names());
        CipherFixture fixture = new CipherFixture(who, provider, algorithm, cipher, size);
        fixture.rekey();
        return fixture;
    }

    /** A new key (the old one destroyed if it can be), and new messages to decrypt under it. */
    public void rekey() throws NotProvidedException, GeneralSecurityException {
        close();
        key = Keys.newKey(who, provider, algorithm.keyAlgorithm(), algorithm.keyBits());
        ivs = algorithm.newIvCounter();
        for (int m = 0; m < MESSAGES; m++) {
            decryptionIvs[m] = ivs.next().clone();
            cipher.init(Cipher.ENCRYPT_MODE, key, algorithm.parameters(decryptionIvs[m]));
            int length = cipher.doFinal(plaintext, 0, plaintext.length, ciphertexts[m], 0);
            JcaLookup.require(length == ciphertexts[m].length, algorithm.label() + " ciphertext length " + length);
            directCiphertexts[m] = ByteBuffer.allocateDirect(length).put(ciphertexts[m]).flip();
        }
        // Start the alternation at the first message: the last init above used the second one's IV.
        next = 0;
        for (int m = 0; m < MESSAGES; m++) {
            int decrypted = decrypt();
            JcaLookup.require(decrypted == plaintext.length
                    && Arrays.equals(output, 0, decrypted, plaintext, 0, plaintext.length),
                    algorithm.label() + " round trip");
        }
    }

    /** Encrypts the message under a fresh IV; returns the ciphertext length. */
    public int encrypt() throws GeneralSecurityException {
        cipher.init(Cipher.ENCRYPT_MODE, key, algorithm.parameters(ivs.next()));
        return cipher.doFinal(plaintext, 0, plaintext.length, output, 0);
    }

    /** Decrypts (and for AEADs verifies) the next prepared message; returns the plaintext length. */
    public int decrypt() throws GeneralSecurityException {
        int m = next;
        next = (m + 1) % MESSAGES;
        cipher.init(Cipher.DECRYPT_MODE, key, algorithm.parameters(decryptionIvs[m]));
        return cipher.doFinal(ciphertexts[m], 0, ciphertexts[m].length, output, 0);
    }

    /** As {@link #encrypt}, from one direct buffer to another. */
    public int encryptDirect() throws GeneralSecurityException {
        cipher.init(Cipher.ENCRYPT_MODE, key, algorithm.parameters(ivs.next()));
        return cipher.doFinal(directPlaintext.duplicate(), directOutput.clear());
    }

    /** As {@link #decrypt}, from one direct buffer to another. */
    public int decryptDirect() throws GeneralSecurityException {
        int m = next;
        next = (m + 1) % MESSAGES;
        cipher.init(Cipher.DECRYPT_MODE, key, algorithm.parameters(decryptionIvs[m]));
        return cipher.doFinal(directCiphertexts[m].duplicate(), directOutput.clear());
    }

    public void close() {
        if (key != null) {
            ProviderUnderTest.discard(key);
            key = null;
        }
    }
}
