package io.kibly.engine.application;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service whose methods work on one tenant's data: before the method runs, its transaction is bound to
 * the tenant named by its {@link io.kibly.engine.domain.model.tenant.TenantId} parameter, so that the database's
 * row-level security shows and accepts that tenant's rows only. A method without such a parameter sees none.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantScoped {
}
