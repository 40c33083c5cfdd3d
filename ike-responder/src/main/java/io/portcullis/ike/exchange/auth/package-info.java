/**
 * Peer authentication ports and the offline implementation: PKIX to static anchors, RFC 4945
 * ID ↔ certificate binding, RFC 3779 subnet delegation, and the revocation decorator whose
 * checker (OCSP/CRL) lives outside the protocol core.
 */
package io.portcullis.ike.exchange.auth;
