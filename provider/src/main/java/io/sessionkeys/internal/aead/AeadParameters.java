package io.sessionkeys.internal.aead;

/**
 * A message's nonce and tag length, as read from the caller's parameters.
 *
 * @param nonce the nonce (IV), owned by this record
 * @param tagLength the tag length in bytes
 */
record AeadParameters(byte[] nonce, int tagLength) {
}
