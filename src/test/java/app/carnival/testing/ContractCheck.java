package app.carnival.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Before each {@code @QuarkusTest} method (and its {@code @BeforeEach} methods), installs the contract filter
 * that suits it: responses only where the test is marked {@link SendsInvalidRequests}, else strict.
 * Registered in {@code META-INF/services}, so no test can forget it.
 */
public final class ContractCheck implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        boolean invalid = context.getTestMethod().isAnnotationPresent(SendsInvalidRequests.class)
                || context.getTestInstance().getClass().isAnnotationPresent(SendsInvalidRequests.class);
        ContractFilter.install(invalid ? ContractFilter.RESPONSES_ONLY : ContractFilter.STRICT);
    }
}
