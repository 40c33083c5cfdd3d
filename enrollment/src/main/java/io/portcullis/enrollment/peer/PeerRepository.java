package io.portcullis.enrollment.peer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PeerRepository implements PanacheRepositoryBase<Peer, String> {

    /** By id, or by name among peers that are not deleted. */
    public Optional<Peer> findByReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.strip();
        if (looksLikeUuid(ref)) {
            Optional<Peer> byId = findByIdOptional(ref);
            if (byId.isPresent()) {
                return byId;
            }
        }
        return find("activeName", ref).firstResultOptional();
    }

    public Optional<Peer> findActiveByIdentityKey(String key) {
        return find("activeIdentity", key).firstResultOptional();
    }

    public Peer lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Peer> listOrdered() {
        return find("order by name, createdAt").list();
    }

    private static boolean looksLikeUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
