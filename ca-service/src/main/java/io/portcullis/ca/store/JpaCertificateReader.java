package io.portcullis.ca.store;

import io.portcullis.ca.certificate.CertificateReader;
import io.portcullis.ca.certificate.CertificateSearch;
import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.certificate.StoredCertificate;
import io.portcullis.ca.paging.Page;
import io.portcullis.ca.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaCertificateReader implements CertificateReader {

    private final CertificateRepository certificates;

    public JpaCertificateReader(CertificateRepository certificates) {
        this.certificates = certificates;
    }

    @Override
    @Transactional
    public Optional<StoredCertificate> find(String serialHex) {
        CertificateRecord record = certificates.findById(serialHex);
        if (record == null || record.status == CertificateStatus.RESERVED) {
            return Optional.empty();
        }
        return Optional.of(record.snapshot());
    }

    @Override
    @Transactional
    public Page<StoredCertificate> search(CertificateSearch search, PageRequest page, Instant now) {
        Page<CertificateRecord> found = certificates.search(search, page, now);
        return new Page<>(found.items().stream().map(CertificateRecord::snapshot).toList(), found.page(), found.size(), found.total());
    }
}
