package io.portcullis.ike.exchange;

/**
 * Which end of an exchange the gateway is. It decides whose nonce is Ni and whose Nr, which HASH a
 * message carries and which it expects; the computations themselves are the same for both ends.
 */
enum Role { INITIATOR, RESPONDER }
