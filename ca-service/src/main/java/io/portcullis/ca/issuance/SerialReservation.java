package io.portcullis.ca.issuance;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.profile.CertificateDraft;
import io.portcullis.ca.store.CaRecord;
import io.portcullis.ca.store.CertificateRecord;
import io.portcullis.ca.store.CertificateRepository;
import io.portcullis.ca.store.CertificateStatus;
import io.portcullis.ca.store.Serials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Reserves a fresh random serial by inserting the certificate's row (status RESERVED) before
 * anything is signed: the primary key makes the database the judge of uniqueness, so no two
 * certificates can ever carry the same serial, even across server instances.
 */
@ApplicationScoped
public class SerialReservation {

    private static final int ATTEMPTS = 4;

    private final CertificateRepository certificates;
    private final SerialNumberGenerator generator;
    private final Clock clock;

    public SerialReservation(CertificateRepository certificates, SecureRandom random, Clock clock) {
        this.certificates = certificates;
        this.generator = new SerialNumberGenerator(random);
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public BigInteger reserve(CertificateDraft draft, String profile, String requester) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BigInteger serial = generator.next();
            String hex = Serials.toHex(serial);
            if (certificates.findById(hex) != null) {
                continue; // 2^-128 odds; try another rather than trust luck.
            }
            CertificateRecord row = new CertificateRecord();
            row.serialHex = hex;
            row.issuerId = CaRecord.ISSUING_ID;
            row.status = CertificateStatus.RESERVED;
            row.profile = profile;
            row.subjectDn = draft.subject().toString();
            row.sanText = "";
            row.notBefore = draft.notBefore();
            row.notAfter = draft.notAfter();
            row.requestedBy = requester;
            row.issuedAt = clock.instant();
            certificates.persistAndFlush(row);
            return serial;
        }
        throw PortcullisException.internal("serial-exhausted", "could not find an unused serial number", null);
    }
}
