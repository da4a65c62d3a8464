package dev.scrubber.spring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With Micrometer on the class path: the counter {@code scrubber.masked}, tagged {@code rule} with the rule id of
 * each masking (never any value), for every registry of the application ({@code /actuator/metrics/scrubber.masked}).
 */
@AutoConfiguration
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnProperty(prefix = "scrubber", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ScrubberMetricsAutoConfiguration {
    /** The metric's name. */
    public static final String METRIC = "scrubber.masked";

    /** Binds the maskings counted since logging started to each meter registry. */
    @Bean
    public MeterBinder scrubberMaskedCounter() {
        return registry -> MaskCounter.INSTANCE.bind((ruleId, adder) -> FunctionCounter
                .builder(METRIC, adder, LongAdder::doubleValue)
                .description("Secrets masked in log events, by rule id")
                .tag("rule", ruleId)
                .register(registry));
    }
}
