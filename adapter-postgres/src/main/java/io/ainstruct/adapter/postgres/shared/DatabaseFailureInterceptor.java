package io.ainstruct.adapter.postgres.shared;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

/** Applies {@link DatabaseFailures#translate} around every method of a {@link TranslatesDatabaseFailures} bean. */
@Singleton
@InterceptorBean(TranslatesDatabaseFailures.class)
class DatabaseFailureInterceptor implements MethodInterceptor<Object, Object> {

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        try {
            return context.proceed();
        } catch (RuntimeException failure) {
            throw DatabaseFailures.translate(failure);
        }
    }

    /** Outside the transaction interceptor, so a connection that cannot be had when a transaction begins is caught too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
