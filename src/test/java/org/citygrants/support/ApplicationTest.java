package org.citygrants.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.citygrants.ledger.LedgerService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The whole application on a random port, on an in-memory H2 engine whose jobs the tests run, with
 * the demo identities. Every test class with this annotation (and nothing else that changes the
 * configuration) shares ONE Spring context, so the application boots once for all of them: keep
 * it that way. Tests share its database too, so a test looks only at the grants it created.
 *
 * <p>For all of them: MockMvc, the {@link WhoAmIEndpoint} test endpoint, {@link LedgerService} as a
 * Mockito spy (calls the real bean until a test stubs it; reset after each test), and the engine
 * REST API and webapps serving this context's engine ({@link ThisContextsEngineIsDefault}).
 * Tagged {@code application}: {@code mvn test -Pfast} leaves these tests out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:application;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512",
    "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureMockMvc
@Import(WhoAmIEndpoint.class)
@MockitoSpyBean(types = LedgerService.class)
@ExtendWith(ThisContextsEngineIsDefault.class)
@Tag("application")
public @interface ApplicationTest {
}
