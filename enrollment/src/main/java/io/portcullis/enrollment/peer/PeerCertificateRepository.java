package io.portcullis.enrollment.peer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PeerCertificateRepository implements PanacheRepositoryBase<PeerCertificate, String> {

    public List<PeerCertificate> ofPeer(String peerId) {
        return find("peerId = ?1 order by issuedAt", peerId).list();
    }
}
