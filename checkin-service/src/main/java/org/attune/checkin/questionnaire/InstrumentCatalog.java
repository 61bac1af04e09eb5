package org.attune.checkin.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instruments this service offers, read once at start from definition files ({@code instruments/*.json} on the
 * classpath, plus any pattern in {@code attune.instruments.locations}). A broken definition stops the start-up
 * instead of scoring wrongly.
 */
@Component
public class InstrumentCatalog {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, Instrument> byCode;

    InstrumentCatalog(@Value("${attune.instruments.locations:classpath*:instruments/*.json}") List<String> locations)
            throws IOException {
        this.byCode = load(locations);
    }

    static Map<String, Instrument> load(List<String> locations) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        var loaded = new LinkedHashMap<String, Instrument>();
        for (String location : locations) {
            for (Resource resource : resolver.getResources(location.strip())) {
                var instrument = read(resource);
                if (loaded.putIfAbsent(instrument.code(), instrument) != null) {
                    throw new IllegalStateException("Instrument " + instrument.code() + " is defined twice");
                }
            }
        }
        return Map.copyOf(loaded);
    }

    static Instrument read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return JSON.readValue(in, Instrument.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Invalid instrument definition " + resource.getFilename() + ": " + e.getMessage(), e);
        }
    }

    public Optional<Instrument> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Every instrument, also those answered through an endpoint of their own (the session connection check). */
    public Collection<Instrument> all() {
        return byCode.values().stream()
                .sorted(java.util.Comparator.comparing(Instrument::code))
                .toList();
    }
}
