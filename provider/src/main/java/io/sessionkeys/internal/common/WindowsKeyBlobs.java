package io.sessionkeys.internal.common;

import java.security.spec.InvalidKeySpecException;

/**
 * The byte layouts of the Windows key blobs that carry symmetric keys: CryptoAPI's blobs, which
 * start with a {@code BLOBHEADER} (bType, bVersion, reserved, aiKeyAlg), and CNG's
 * {@code BCRYPT_KEY_DATA_BLOB}. Every integer is little-endian, as Windows writes them.
 *
 * <p>This class reads and writes headers only. It never copies key bytes: a parser returns where
 * the key lies in the caller's blob, so the caller moves the bytes off the heap itself and zeroes
 * the blob. Problems are described by header fields and lengths, never by key bytes.
 */
public final class WindowsKeyBlobs {

    /** {@code BLOBHEADER}: bType (1), bVersion (1), reserved (2), aiKeyAlg (4). */
    public static final int BLOBHEADER_LENGTH = 8;
    public static final int SIMPLEBLOB = 0x1;
    public static final int PUBLICKEYBLOB = 0x6;
    public static final int PLAINTEXTKEYBLOB = 0x8;
    /** {@code CUR_BLOB_VERSION}: the only bVersion of these blob types. */
    public static final int CUR_BLOB_VERSION = 2;

    public static final int CALG_RSA_KEYX = 0xA400;
    public static final int CALG_RSA_SIGN = 0x2400;
    public static final int CALG_AES_128 = 0x660E;
    public static final int CALG_AES_192 = 0x660F;
    public static final int CALG_AES_256 = 0x6610;

    /** {@code BCRYPT_KEY_DATA_BLOB_HEADER}: dwMagic ("KDBM"), dwVersion (1), cbKeyData. */
    public static final int KEY_DATA_HEADER_LENGTH = 12;
    public static final int KEY_DATA_MAGIC = 0x4d42444b;
    public static final int KEY_DATA_VERSION = 1;

    /** Where the key bytes lie in a blob. */
    public record KeyLocation(int offset, int length) {
    }

    private WindowsKeyBlobs() {
    }

    /** The ALG_ID of an AES key of {@code keyBytes} bytes, or -1 if that is no AES size. */
    public static int aesAlgId(int keyBytes) {
        switch (keyBytes) {
            case 16:
                return CALG_AES_128;
            case 24:
                return CALG_AES_192;
            case 32:
                return CALG_AES_256;
            default:
                return -1;
        }
    }

    /** The key length in bytes of an AES ALG_ID, or -1 if {@code algId} is not one. */
    public static int aesKeyBytes(int algId) {
        switch (algId) {
            case CALG_AES_128:
                return 16;
            case CALG_AES_192:
                return 24;
            case CALG_AES_256:
                return 32;
            default:
                return -1;
        }
    }

    /** An ALG_ID by its wincrypt.h name where it is one SessionKeys knows, always with its value. */
    public static String describeAlgId(int algId) {
        String hex = String.format("0x%04X", algId);
        switch (algId) {
            case CALG_RSA_KEYX:
                return "CALG_RSA_KEYX (" + hex + ")";
            case CALG_RSA_SIGN:
                return "CALG_RSA_SIGN (" + hex + ")";
            case CALG_AES_128:
            case CALG_AES_192:
            case CALG_AES_256:
                return "CALG_AES_" + aesKeyBytes(algId) * 8 + " (" + hex + ")";
            default:
                return hex;
        }
    }

    /**
     * Checks the {@code BLOBHEADER} of a blob that must be of {@code type} ({@code typeName} for
     * messages) and returns its aiKeyAlg.
     */
    public static int readHeader(byte[] blob, int type, String typeName) throws InvalidKeySpecException {
        if (blob == null || blob.length < BLOBHEADER_LENGTH) {
            throw new InvalidKeySpecException("a " + typeName + " starts with an 8-byte BLOBHEADER; got "
                    + (blob == null ? "null" : blob.length + " bytes"));
        }
        int bType = blob[0] & 0xFF;
        if (bType != type) {
            throw new InvalidKeySpecException("not a " + typeName + ": its BLOBHEADER has bType 0x"
                    + String.format("%02X", bType) + ", a " + typeName + " has 0x" + String.format("%02X", type));
        }
        int bVersion = blob[1] & 0xFF;
        if (bVersion != CUR_BLOB_VERSION) {
            throw new InvalidKeySpecException("the " + typeName + "'s BLOBHEADER has bVersion " + bVersion
                    + "; only version " + CUR_BLOB_VERSION + " (CUR_BLOB_VERSION) is defined");
        }
        if (blob[2] != 0 || blob[3] != 0) {
            throw new InvalidKeySpecException("the " + typeName + "'s BLOBHEADER has a non-zero reserved field");
        }
        return readInt(blob, 4);
    }

    /** Writes a {@code BLOBHEADER} of {@code type} and {@code algId} at the start of {@code blob}. */
    public static void writeHeader(byte[] blob, int type, int algId) {
        blob[0] = (byte) type;
        blob[1] = CUR_BLOB_VERSION;
        blob[2] = 0;
        blob[3] = 0;
        writeInt(blob, 4, algId);
    }

    /**
     * Parses a {@code PLAINTEXTKEYBLOB} of an AES key: header, dwKeySize, key. The blob must be
     * exactly that long and dwKeySize must be the size of the header's ALG_ID.
     */
    public static KeyLocation plaintextKeyBlob(byte[] blob) throws InvalidKeySpecException {
        int algId = readHeader(blob, PLAINTEXTKEYBLOB, "PLAINTEXTKEYBLOB");
        int expected = aesKeyBytes(algId);
        if (expected < 0) {
            throw new InvalidKeySpecException("the PLAINTEXTKEYBLOB holds a key of ALG_ID " + describeAlgId(algId)
                    + "; SessionKeys imports CALG_AES_128, CALG_AES_192 and CALG_AES_256");
        }
        if (blob.length < BLOBHEADER_LENGTH + 4) {
            throw new InvalidKeySpecException("the PLAINTEXTKEYBLOB is truncated: " + blob.length
                    + " bytes, no room for dwKeySize");
        }
        long keySize = readInt(blob, BLOBHEADER_LENGTH) & 0xFFFFFFFFL;
        if (keySize != expected) {
            throw new InvalidKeySpecException("the PLAINTEXTKEYBLOB's dwKeySize is " + keySize + " but "
                    + describeAlgId(algId) + " keys are " + expected + " bytes");
        }
        return exactly(blob, BLOBHEADER_LENGTH + 4, expected, "PLAINTEXTKEYBLOB");
    }

    /** The {@code PLAINTEXTKEYBLOB} length for an AES key of {@code keyBytes} bytes (key at offset 12). */
    public static int plaintextKeyBlobLength(int keyBytes) {
        return BLOBHEADER_LENGTH + 4 + keyBytes;
    }

    /** Writes the header and dwKeySize of a {@code PLAINTEXTKEYBLOB}; the key goes at offset 12. */
    public static void writePlaintextKeyBlobHeader(byte[] blob, int keyBytes) {
        writeHeader(blob, PLAINTEXTKEYBLOB, aesAlgId(keyBytes));
        writeInt(blob, BLOBHEADER_LENGTH, keyBytes);
    }

    /**
     * Parses a CNG {@code BCRYPT_KEY_DATA_BLOB}: the 12-byte header (magic, version 1,
     * cbKeyData), then cbKeyData key bytes, and nothing after them.
     */
    public static KeyLocation keyDataBlob(byte[] blob) throws InvalidKeySpecException {
        if (blob == null || blob.length < KEY_DATA_HEADER_LENGTH) {
            throw new InvalidKeySpecException("a BCRYPT_KEY_DATA_BLOB starts with a 12-byte"
                    + " BCRYPT_KEY_DATA_BLOB_HEADER; got " + (blob == null ? "null" : blob.length + " bytes"));
        }
        int magic = readInt(blob, 0);
        if (magic != KEY_DATA_MAGIC) {
            throw new InvalidKeySpecException("not a BCRYPT_KEY_DATA_BLOB: dwMagic is " + String.format("0x%08X", magic)
                    + ", BCRYPT_KEY_DATA_BLOB_MAGIC is " + String.format("0x%08X", KEY_DATA_MAGIC));
        }
        int version = readInt(blob, 4);
        if (version != KEY_DATA_VERSION) {
            throw new InvalidKeySpecException("the BCRYPT_KEY_DATA_BLOB has dwVersion " + (version & 0xFFFFFFFFL)
                    + "; only BCRYPT_KEY_DATA_BLOB_VERSION1 (1) is defined");
        }
        long keyData = readInt(blob, 8) & 0xFFFFFFFFL;
        if (keyData > blob.length) {
            throw new InvalidKeySpecException("the BCRYPT_KEY_DATA_BLOB is truncated: cbKeyData is " + keyData
                    + " but only " + (blob.length - KEY_DATA_HEADER_LENGTH) + " bytes follow the header");
        }
        return exactly(blob, KEY_DATA_HEADER_LENGTH, (int) keyData, "BCRYPT_KEY_DATA_BLOB");
    }

    /** Writes a {@code BCRYPT_KEY_DATA_BLOB_HEADER}; the key goes at offset 12. */
    public static void writeKeyDataBlobHeader(byte[] blob, int keyBytes) {
        writeInt(blob, 0, KEY_DATA_MAGIC);
        writeInt(blob, 4, KEY_DATA_VERSION);
        writeInt(blob, 8, keyBytes);
    }

    private static KeyLocation exactly(byte[] blob, int offset, int keyBytes, String typeName)
            throws InvalidKeySpecException {
        int expected = offset + keyBytes;
        if (blob.length < expected) {
            throw new InvalidKeySpecException("the " + typeName + " is truncated: " + blob.length + " bytes, its"
                    + " header announces " + expected);
        }
        if (blob.length > expected) {
            throw new InvalidKeySpecException("the " + typeName + " is " + blob.length + " bytes, its header"
                    + " announces " + expected + ": " + (blob.length - expected) + " bytes too many");
        }
        return new KeyLocation(offset, keyBytes);
    }

    /** Reads a little-endian 32-bit integer. */
    public static int readInt(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8 | (b[offset + 2] & 0xFF) << 16
                | (b[offset + 3] & 0xFF) << 24;
    }

    /** Writes a little-endian 32-bit integer. */
    public static void writeInt(byte[] b, int offset, int value) {
        b[offset] = (byte) value;
        b[offset + 1] = (byte) (value >>> 8);
        b[offset + 2] = (byte) (value >>> 16);
        b[offset + 3] = (byte) (value >>> 24);
    }
}
