#ifndef ENPLAN_COPENSSL_SHIM_H
#define ENPLAN_COPENSSL_SHIM_H
/* The low-level SHA256_* calls skip EVP's per-call fetch: 3x faster on 400-byte log lines. */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <stddef.h>
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

static inline void enplan_sha256(const void *data, size_t count, unsigned char *out32) {
    SHA256_CTX c;
    SHA256_Init(&c);
    SHA256_Update(&c, data, count);
    SHA256_Final(out32, &c);
}

/* SHA-256 over three pieces laid end to end, without copying them together (a format-2 log
   line's hash covers its header, its payload's commitment and its "prev"). */
static inline void enplan_sha256_3(const void *a, size_t na, const void *b, size_t nb, const void *c3, size_t nc,
                                   unsigned char *out32) {
    SHA256_CTX c;
    SHA256_Init(&c);
    SHA256_Update(&c, a, na);
    SHA256_Update(&c, b, nb);
    SHA256_Update(&c, c3, nc);
    SHA256_Final(out32, &c);
}

/* Ed25519 (the checkpoint's signature): 0 on success. */
static inline int enplan_ed25519_keypair(unsigned char *private32, unsigned char *public32) {
    EVP_PKEY *key = NULL;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, NULL);
    if (!ctx) return -1;
    int ok = EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &key) == 1;
    EVP_PKEY_CTX_free(ctx);
    if (!ok) return -1;
    size_t n1 = 32, n2 = 32;
    ok = EVP_PKEY_get_raw_private_key(key, private32, &n1) == 1 && EVP_PKEY_get_raw_public_key(key, public32, &n2) == 1;
    EVP_PKEY_free(key);
    return ok && n1 == 32 && n2 == 32 ? 0 : -1;
}

static inline int enplan_ed25519_sign(const unsigned char *private32, const void *msg, size_t n, unsigned char *sig64) {
    EVP_PKEY *key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, private32, 32);
    if (!key) return -1;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    size_t len = 64;
    int ok = md && EVP_DigestSignInit(md, NULL, NULL, NULL, key) == 1 && EVP_DigestSign(md, sig64, &len, msg, n) == 1 && len == 64;
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(key);
    return ok ? 0 : -1;
}

static inline int enplan_ed25519_verify(const unsigned char *public32, const void *msg, size_t n, const unsigned char *sig64) {
    EVP_PKEY *key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, public32, 32);
    if (!key) return -1;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    int ok = md && EVP_DigestVerifyInit(md, NULL, NULL, NULL, key) == 1 && EVP_DigestVerify(md, sig64, 64, msg, n) == 1;
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(key);
    return ok ? 0 : -1;
}

/* Bytes from the operating system's random source (the salts of format-2 lines): 0 on success. */
static inline int enplan_random(unsigned char *out, int n) { return RAND_bytes(out, n) == 1 ? 0 : -1; }
#endif
