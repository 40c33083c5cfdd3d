package io.portcullis.ca.store;

import io.portcullis.ca.authority.CaCertificate;
import io.portcullis.ca.authority.CaDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class JpaCaDirectory implements CaDirectory {

    private final CaRepository cas;

    public JpaCaDirectory(CaRepository cas) {
        this.cas = cas;
    }

    @Override
    @Transactional
    public List<CaCertificate> all() {
        return cas.listAll().stream().map(CaRecord::snapshot).toList();
    }

    @Override
    @Transactional
    public List<CaCertificate> chainFrom(String caId) {
        List<CaCertificate> chain = new ArrayList<>();
        for (CaRecord ca = cas.findById(caId); ca != null; ca = ca.parentId == null ? null : cas.findById(ca.parentId)) {
            chain.add(ca.snapshot());
        }
        return chain;
    }
}
