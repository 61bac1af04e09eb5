package org.attune.checkin.questionnaire;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The instruments Attune ships, read from their definition files as the service reads them. */
public final class InstrumentCatalogs {

    private InstrumentCatalogs() {}

    public static Map<String, Instrument> shipped() throws IOException {
        return InstrumentCatalog.load(List.of("classpath*:instruments/*.json"));
    }
}
