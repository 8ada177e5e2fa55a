/*
 * capi_peer: the Windows side of the CryptoAPI/CNG key blob tests.
 *
 * Built with x86_64-w64-mingw32-gcc and run under Wine by WinePeer (provider-tests). It reads
 * one command per line on stdin and answers one line per command on stdout:
 *     ok [hex]            the command worked (hex: its output, if it has one)
 *     err <code> <what>   it failed; <code> is the Windows error (GetLastError or NTSTATUS)
 * Every argument and result is hex. Keys live in ten numbered slots (0-9) so that one Wine
 * start serves a whole test class (a Wine start costs seconds, a command microseconds).
 *
 * CryptoAPI commands (Microsoft Enhanced RSA and AES provider, PROV_RSA_AES):
 *   rsa-gen <bits>                 make the exchange key pair (AT_KEYEXCHANGE); prints its PUBLICKEYBLOB
 *   rsa-private                    the exchange key as a PRIVATEKEYBLOB (kept with known-answer blobs)
 *   rsa-import-private <blob>      use this PRIVATEKEYBLOB as the exchange key (replays known answers)
 *   aes-gen <slot> <bits>          CryptGenKey(CALG_AES_<bits>, CRYPT_EXPORTABLE)
 *   export-simple <slot> <pubkeyblob>   import the PUBLICKEYBLOB, export the slot's key as a SIMPLEBLOB under it
 *   import-simple <slot> <simpleblob>   CryptImportKey under the exchange key
 *   export-plain <slot>            PLAINTEXTKEYBLOB
 *   import-plain <slot> <blob>     CryptImportKey(PLAINTEXTKEYBLOB)
 *   export-symwrap <slot> <kekslot>     SYMMETRICWRAPKEYBLOB of the slot's key under the KEK slot
 *   import-symwrap <slot> <kekslot> <blob>
 *   params <slot>                  KP_MODE, KP_PADDING (4 bytes each, little-endian), then KP_IV
 *   encrypt <slot> <iv|-> <plaintext>   CryptEncrypt(Final=TRUE); "-" keeps the key's IV
 *   decrypt <slot> <iv|-> <ciphertext>  CryptDecrypt(Final=TRUE)
 * CNG commands (BCRYPT_AES_ALGORITHM, chaining mode CBC):
 *   cng-gen <slot> <bytes>         BCryptGenRandom, then BCryptGenerateSymmetricKey: a fresh AES key
 *   cng-import-data <slot> <blob>  BCryptImportKey(BCRYPT_KEY_DATA_BLOB)
 *   cng-export-data <slot>         BCryptExportKey(BCRYPT_KEY_DATA_BLOB)
 *   cng-import-wrap <slot> <kekslot> <blob>   BCryptImportKey(BCRYPT_AES_WRAP_KEY_BLOB) under the KEK slot
 *   cng-export-wrap <slot> <kekslot>          BCryptExportKey(BCRYPT_AES_WRAP_KEY_BLOB)
 *   cng-encrypt <slot> <iv> <plaintext>       BCryptEncrypt with BCRYPT_BLOCK_PADDING
 *   cng-decrypt <slot> <iv> <ciphertext>
 * CryptoAPI slots and CNG slots are separate tables.
 */
#include <windows.h>
#include <wincrypt.h>
#include <bcrypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 10
#define MAX_BYTES 8192
#define MAX_LINE (4 * MAX_BYTES + 256)

static HCRYPTPROV prov;
static HCRYPTKEY exchange;
static HCRYPTKEY capi[SLOTS];
static BCRYPT_ALG_HANDLE aes;
static BCRYPT_KEY_HANDLE cng[SLOTS];

static void reply_hex(const BYTE *data, DWORD length) {
    fputs("ok", stdout);
    if (length > 0) {
        fputc(' ', stdout);
        for (DWORD i = 0; i < length; i++) {
            printf("%02x", data[i]);
        }
    }
    fputc('\n', stdout);
    fflush(stdout);
}

static void reply_ok(void) {
    puts("ok");
    fflush(stdout);
}

static void reply_err(unsigned long code, const char *what) {
    printf("err %08lx %s\n", code, what);
    fflush(stdout);
}

/* Decodes hex into out; returns the byte count, or -1 for malformed hex. */
static long unhex(const char *hex, BYTE *out, long capacity) {
    if (hex == NULL) {
        return -1;
    }
    size_t n = strlen(hex);
    if (n % 2 != 0 || (long) (n / 2) > capacity) {
        return -1;
    }
    for (size_t i = 0; i < n / 2; i++) {
        unsigned int b;
        if (sscanf(hex + 2 * i, "%2x", &b) != 1) {
            return -1;
        }
        out[i] = (BYTE) b;
    }
    return (long) (n / 2);
}

static int slot_of(const char *arg) {
    if (arg == NULL || arg[0] < '0' || arg[0] > '9' || arg[1] != '\0') {
        return -1;
    }
    return arg[0] - '0';
}

static void replace_capi(int slot, HCRYPTKEY key) {
    if (capi[slot]) {
        CryptDestroyKey(capi[slot]);
    }
    capi[slot] = key;
}

static void replace_cng(int slot, BCRYPT_KEY_HANDLE key) {
    if (cng[slot]) {
        BCryptDestroyKey(cng[slot]);
    }
    cng[slot] = key;
}

/* CryptExportKey of one key under another (0 for none), replied as hex. */
static void export_capi(HCRYPTKEY key, HCRYPTKEY under, DWORD type, const char *what) {
    static BYTE blob[MAX_BYTES];
    DWORD length = sizeof blob;
    if (!CryptExportKey(key, under, type, 0, blob, &length)) {
        reply_err(GetLastError(), what);
        return;
    }
    reply_hex(blob, length);
}

static void import_capi(int slot, const BYTE *blob, long length, HCRYPTKEY under, DWORD flags, const char *what) {
    HCRYPTKEY key;
    if (length < 0) {
        reply_err(0, "malformed hex");
        return;
    }
    if (!CryptImportKey(prov, blob, (DWORD) length, under, flags, &key)) {
        reply_err(GetLastError(), what);
        return;
    }
    replace_capi(slot, key);
    reply_ok();
}

static void crypt(int slot, const char *ivHex, BYTE *data, long length, int encrypt) {
    static BYTE iv[32];
    if (strcmp(ivHex, "-") != 0) {
        if (unhex(ivHex, iv, sizeof iv) < 0 || !CryptSetKeyParam(capi[slot], KP_IV, iv, 0)) {
            reply_err(GetLastError(), "KP_IV");
            return;
        }
    }
    DWORD n = (DWORD) length;
    BOOL ok = encrypt ? CryptEncrypt(capi[slot], 0, TRUE, 0, data, &n, MAX_BYTES)
                      : CryptDecrypt(capi[slot], 0, TRUE, 0, data, &n);
    if (!ok) {
        reply_err(GetLastError(), encrypt ? "CryptEncrypt" : "CryptDecrypt");
        return;
    }
    reply_hex(data, n);
}

static void params(int slot) {
    BYTE out[64];
    DWORD mode = 0, padding = 0, n = sizeof mode;
    if (!CryptGetKeyParam(capi[slot], KP_MODE, (BYTE *) &mode, &n, 0)) {
        reply_err(GetLastError(), "KP_MODE");
        return;
    }
    n = sizeof padding;
    if (!CryptGetKeyParam(capi[slot], KP_PADDING, (BYTE *) &padding, &n, 0)) {
        reply_err(GetLastError(), "KP_PADDING");
        return;
    }
    memcpy(out, &mode, 4);
    memcpy(out + 4, &padding, 4);
    n = sizeof out - 8;
    if (!CryptGetKeyParam(capi[slot], KP_IV, out + 8, &n, 0)) {
        reply_err(GetLastError(), "KP_IV");
        return;
    }
    reply_hex(out, 8 + n);
}

static void cng_export(int slot, BCRYPT_KEY_HANDLE under, LPCWSTR type, const char *what) {
    static BYTE blob[MAX_BYTES];
    ULONG length = 0;
    NTSTATUS status = BCryptExportKey(cng[slot], under, type, blob, sizeof blob, &length, 0);
    if (status != 0) {
        reply_err((unsigned long) status, what);
        return;
    }
    reply_hex(blob, length);
}

static void cng_import(int slot, BCRYPT_KEY_HANDLE under, LPCWSTR type, BYTE *blob, long length, const char *what) {
    BCRYPT_KEY_HANDLE key;
    if (length < 0) {
        reply_err(0, "malformed hex");
        return;
    }
    NTSTATUS status = BCryptImportKey(aes, under, type, &key, NULL, 0, blob, (ULONG) length, 0);
    if (status != 0) {
        reply_err((unsigned long) status, what);
        return;
    }
    replace_cng(slot, key);
    reply_ok();
}

static void cng_crypt(int slot, const char *ivHex, BYTE *data, long length, int encrypt) {
    static BYTE out[MAX_BYTES];
    BYTE iv[16];
    ULONG n = 0;
    if (unhex(ivHex, iv, sizeof iv) != 16) {
        reply_err(0, "the IV must be 16 bytes");
        return;
    }
    NTSTATUS status = encrypt
            ? BCryptEncrypt(cng[slot], data, (ULONG) length, NULL, iv, 16, out, sizeof out, &n, BCRYPT_BLOCK_PADDING)
            : BCryptDecrypt(cng[slot], data, (ULONG) length, NULL, iv, 16, out, sizeof out, &n, BCRYPT_BLOCK_PADDING);
    if (status != 0) {
        reply_err((unsigned long) status, encrypt ? "BCryptEncrypt" : "BCryptDecrypt");
        return;
    }
    reply_hex(out, n);
}

static void run(char *line) {
    static BYTE data[MAX_BYTES];
    char *cmd = strtok(line, " \r\n");
    char *a1 = strtok(NULL, " \r\n");
    char *a2 = strtok(NULL, " \r\n");
    char *a3 = strtok(NULL, " \r\n");
    int slot = slot_of(a1);
    if (cmd == NULL) {
        reply_err(0, "empty command");
    } else if (strcmp(cmd, "rsa-gen") == 0) {
        HCRYPTKEY key;
        DWORD bits = a1 ? (DWORD) strtoul(a1, NULL, 10) : 2048;
        if (!CryptGenKey(prov, AT_KEYEXCHANGE, (bits << 16) | CRYPT_EXPORTABLE, &key)) {
            reply_err(GetLastError(), "CryptGenKey(AT_KEYEXCHANGE)");
            return;
        }
        if (exchange) {
            CryptDestroyKey(exchange);
        }
        exchange = key;
        export_capi(exchange, 0, PUBLICKEYBLOB, "CryptExportKey(PUBLICKEYBLOB)");
    } else if (strcmp(cmd, "rsa-private") == 0) {
        export_capi(exchange, 0, PRIVATEKEYBLOB, "CryptExportKey(PRIVATEKEYBLOB)");
    } else if (strcmp(cmd, "rsa-import-private") == 0) {
        long n = unhex(a1, data, MAX_BYTES);
        HCRYPTKEY key;
        if (n < 0 || !CryptImportKey(prov, data, (DWORD) n, 0, CRYPT_EXPORTABLE, &key)) {
            reply_err(GetLastError(), "CryptImportKey(PRIVATEKEYBLOB)");
            return;
        }
        if (exchange) {
            CryptDestroyKey(exchange);
        }
        exchange = key;
        reply_ok();
    } else if (slot < 0) {
        reply_err(0, "expected a slot 0-9");
    } else if (strcmp(cmd, "aes-gen") == 0) {
        DWORD bits = a2 ? (DWORD) strtoul(a2, NULL, 10) : 256;
        ALG_ID alg = bits == 128 ? CALG_AES_128 : bits == 192 ? CALG_AES_192 : CALG_AES_256;
        HCRYPTKEY key;
        if (!CryptGenKey(prov, alg, CRYPT_EXPORTABLE, &key)) {
            reply_err(GetLastError(), "CryptGenKey(AES)");
            return;
        }
        replace_capi(slot, key);
        reply_ok();
    } else if (strcmp(cmd, "export-simple") == 0) {
        long n = unhex(a2, data, MAX_BYTES);
        HCRYPTKEY recipient;
        if (n < 0 || !CryptImportKey(prov, data, (DWORD) n, 0, 0, &recipient)) {
            reply_err(GetLastError(), "CryptImportKey(PUBLICKEYBLOB)");
            return;
        }
        export_capi(capi[slot], recipient, SIMPLEBLOB, "CryptExportKey(SIMPLEBLOB)");
        CryptDestroyKey(recipient);
    } else if (strcmp(cmd, "import-simple") == 0) {
        import_capi(slot, data, unhex(a2, data, MAX_BYTES), exchange, CRYPT_EXPORTABLE, "CryptImportKey(SIMPLEBLOB)");
    } else if (strcmp(cmd, "export-plain") == 0) {
        export_capi(capi[slot], 0, PLAINTEXTKEYBLOB, "CryptExportKey(PLAINTEXTKEYBLOB)");
    } else if (strcmp(cmd, "import-plain") == 0) {
        import_capi(slot, data, unhex(a2, data, MAX_BYTES), 0, CRYPT_EXPORTABLE, "CryptImportKey(PLAINTEXTKEYBLOB)");
    } else if (strcmp(cmd, "export-symwrap") == 0) {
        int kek = slot_of(a2);
        export_capi(capi[slot], kek < 0 ? 0 : capi[kek], SYMMETRICWRAPKEYBLOB, "CryptExportKey(SYMMETRICWRAPKEYBLOB)");
    } else if (strcmp(cmd, "import-symwrap") == 0) {
        int kek = slot_of(a2);
        import_capi(slot, data, unhex(a3, data, MAX_BYTES), kek < 0 ? 0 : capi[kek], CRYPT_EXPORTABLE,
                "CryptImportKey(SYMMETRICWRAPKEYBLOB)");
    } else if (strcmp(cmd, "params") == 0) {
        params(slot);
    } else if (strcmp(cmd, "encrypt") == 0 || strcmp(cmd, "decrypt") == 0) {
        long n = unhex(a3, data, MAX_BYTES - 32);
        if (a2 == NULL || n < 0) {
            reply_err(0, "expected <slot> <iv|-> <hex>");
            return;
        }
        crypt(slot, a2, data, n, cmd[0] == 'e');
    } else if (strcmp(cmd, "cng-gen") == 0) {
        BYTE secret[32];
        ULONG n = a2 ? (ULONG) strtoul(a2, NULL, 10) : 32;
        BCRYPT_KEY_HANDLE key;
        NTSTATUS status = n > sizeof secret ? (NTSTATUS) 0xC000000DL
                : BCryptGenRandom(NULL, secret, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG);
        if (status == 0) {
            status = BCryptGenerateSymmetricKey(aes, &key, NULL, 0, secret, n, 0);
        }
        SecureZeroMemory(secret, sizeof secret);
        if (status != 0) {
            reply_err((unsigned long) status, "BCryptGenerateSymmetricKey");
            return;
        }
        replace_cng(slot, key);
        reply_ok();
    } else if (strcmp(cmd, "cng-import-data") == 0) {
        cng_import(slot, NULL, BCRYPT_KEY_DATA_BLOB, data, unhex(a2, data, MAX_BYTES), "BCryptImportKey(KEY_DATA)");
    } else if (strcmp(cmd, "cng-export-data") == 0) {
        cng_export(slot, NULL, BCRYPT_KEY_DATA_BLOB, "BCryptExportKey(KEY_DATA)");
    } else if (strcmp(cmd, "cng-import-wrap") == 0) {
        int kek = slot_of(a2);
        cng_import(slot, kek < 0 ? NULL : cng[kek], BCRYPT_AES_WRAP_KEY_BLOB, data, unhex(a3, data, MAX_BYTES),
                "BCryptImportKey(AES_WRAP)");
    } else if (strcmp(cmd, "cng-export-wrap") == 0) {
        int kek = slot_of(a2);
        cng_export(slot, kek < 0 ? NULL : cng[kek], BCRYPT_AES_WRAP_KEY_BLOB, "BCryptExportKey(AES_WRAP)");
    } else if (strcmp(cmd, "cng-encrypt") == 0 || strcmp(cmd, "cng-decrypt") == 0) {
        long n = unhex(a3, data, MAX_BYTES - 32);
        if (a2 == NULL || n < 0) {
            reply_err(0, "expected <slot> <iv> <hex>");
            return;
        }
        cng_crypt(slot, a2, data, n, cmd[4] == 'e');
    } else {
        reply_err(0, "unknown command");
    }
}

int main(void) {
    static char line[MAX_LINE];
    /* Windows C runtimes buffer a pipe fully even when asked for line buffering: every reply is
       flushed by hand, or the Java side would wait forever. */
    if (!CryptAcquireContextA(&prov, NULL, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT)) {
        reply_err(GetLastError(), "CryptAcquireContext(MS_ENH_RSA_AES_PROV, PROV_RSA_AES)");
        return 1;
    }
    NTSTATUS status = BCryptOpenAlgorithmProvider(&aes, BCRYPT_AES_ALGORITHM, NULL, 0);
    if (status == 0) {
        status = BCryptSetProperty(aes, BCRYPT_CHAINING_MODE, (PUCHAR) BCRYPT_CHAIN_MODE_CBC,
                sizeof(BCRYPT_CHAIN_MODE_CBC), 0);
    }
    if (status != 0) {
        reply_err((unsigned long) status, "BCryptOpenAlgorithmProvider(AES, CBC)");
        return 1;
    }
    puts("ready");
    fflush(stdout);
    while (fgets(line, sizeof line, stdin) != NULL) {
        run(line);
    }
    for (int i = 0; i < SLOTS; i++) {
        replace_capi(i, 0);
        replace_cng(i, NULL);
    }
    if (exchange) {
        CryptDestroyKey(exchange);
    }
    BCryptCloseAlgorithmProvider(aes, 0);
    CryptReleaseContext(prov, 0);
    return 0;
}
