package io.portcullis.enrollment.scep;

import java.util.Optional;

/**
 * Where SCEP GetCRL finds the issuing CA's current CRL (DER). Enrollment signs no CRL itself; the
 * module that publishes CRLs provides a bean of this type. Without one, GetCRL answers FAILURE.
 */
public interface CrlSource {

    Optional<byte[]> currentCrl();
}
