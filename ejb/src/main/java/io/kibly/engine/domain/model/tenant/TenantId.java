package io.kibly.engine.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/** Identifies a tenant. Value object: equal when the ids are equal. */
@Embeddable
public class TenantId implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String id;

    protected TenantId() {
        // for JPA
    }

    public TenantId(String id) {
        if (id == null || !FORMAT.matcher(id).matches()) {
            throw new IllegalArgumentException("a tenant id is 1-64 letters, digits, '-' or '_'");
        }
        this.id = id;
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantId that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
