package org.attune.webui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a phone's first load needs from the server (issue 14, P7): compression, long-lived bundles, a favicon. */
@AttuneIntegrationTest(properties = "attune.data-dir=target/it-data")
class StaticResourcesIT {

    private static final Pattern BUNDLE = Pattern.compile("/VAADIN/build/[^\"']+\\.js");

    @LocalServerPort
    int port;

    TestHttp http;
    /** Bytes, not text: a compressed body is not a string. */
    final HttpClient raw = HttpClient.newHttpClient();

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    private HttpResponse<byte[]> bytes(HttpRequest request) throws Exception {
        return raw.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theSignInPageIsCompressedForABrowserThatAcceptsGzipAndStaysUncached() throws Exception {
        var response = bytes(
                http.request("/login").header("Accept-Encoding", "gzip").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void aHashedBundleIsCachedForAYearAsImmutable() {
        var page = http.get("/login").body();
        var bundle = BUNDLE.matcher(page);
        assertThat(bundle.find()).as("the sign-in page names a bundle").isTrue();

        var response = http.get(bundle.group());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Cache-Control")).containsExactly(SecurityHeadersFilter.IMMUTABLE);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void theFaviconIsServedWithoutSigningIn() throws Exception {
        var response = bytes(http.request("/favicon.ico").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isNotEmpty();
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
    }
}
