// Tributary's Swagger UI set-up: the five OpenAPI documents this server serves, picked from the top bar.
// Relative URLs, so that the page works behind any host name or reverse proxy that keeps the paths.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { url: "../openapi/v3.yaml", name: "v3 (administration)" },
      { url: "../openapi/v2.yaml", name: "v2" },
      { url: "../openapi/v1.yaml", name: "v1" },
      { url: "../openapi/eventstreams.yaml", name: "Event Streams REST producer" },
      { url: "../openapi/registry.yaml", name: "Schema registry" }
    ],
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
