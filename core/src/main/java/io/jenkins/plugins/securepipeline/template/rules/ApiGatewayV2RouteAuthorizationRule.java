package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * An HTTP API route, or a WebSocket API's {@code $connect} route, with {@code AuthorizationType} NONE or not set:
 * anyone who knows the URL can call it. The API Gateway V2 counterpart of ASP-APIG-002, with its severity.
 *
 * <p>Deliberate differences from cdk-nag's AwsSolutions-APIG4, which reports every route without authorization:
 * <ul>
 * <li>WebSocket routes other than {@code $connect} are not reported. API Gateway authorizes a WebSocket client when it
 * connects (a Lambda authorizer can only be attached to {@code $connect}); the messages that follow travel over the
 * connection that was authorized, so NONE on the other routes says nothing about who can use the API. A WebSocket route is recognised by its API's {@code ProtocolType}, or, when the API is not in
 * the template, by a route key that is not an HTTP one ({@code $disconnect}, an action name without a path); a
 * {@code $default} route of an API not in the template cannot be placed and passes.</li>
 * <li>{@code OPTIONS} routes are not reported: CORS preflight requests carry no credentials, as for ASP-APIG-002.</li>
 * <li>A route with {@code ApiKeyRequired: true} is not reported, as for ASP-APIG-002.</li>
 * </ul>
 * An {@code AuthorizationType} or route key unknown at template time passes.
 */
public final class ApiGatewayV2RouteAuthorizationRule extends TemplateRule {
    public ApiGatewayV2RouteAuthorizationRule() {
        super("ASP-APIG-013", Severity.MEDIUM, "API Gateway HTTP/WebSocket route without authorization",
                "Set AuthorizationType to AWS_IAM, JWT or CUSTOM (with an AuthorizerId) on HTTP API routes and on a"
                        + " WebSocket API's $connect route; OPTIONS routes and other WebSocket routes are not reported.",
                types("AWS::ApiGatewayV2::Route"), refs("AwsSolutions-APIG4"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode type = resource.property("AuthorizationType");
        TemplateNode key = resource.property("RouteKey");
        TemplateNode apiKey = resource.property("ApiKeyRequired");
        if (type != null && !type.is("NONE") || key == null || !key.isScalar() || apiKey != null && apiKey.isTrue()) {
            return;
        }
        String routeKey = key.text().trim();
        if (routeKey.regionMatches(true, 0, "OPTIONS ", 0, 8)) {
            return;
        }
        Boolean webSocket = webSocket(resource, template);
        boolean httpKey = routeKey.contains(" ");
        if (webSocket == null) {
            if (routeKey.equals("$default")) {
                return;
            }
            webSocket = !httpKey;
        }
        if (webSocket && !routeKey.equals("$connect")) {
            return;
        }
        out.report(type, (webSocket ? "WebSocket clients can connect" : "The route " + routeKey + " can be called")
                + " without any authorization");
    }

    /** True for a WebSocket API, false for an HTTP API, null when the API is not in the template or its type unknown. */
    private static Boolean webSocket(Resource route, TemplateContext template) {
        Resource api = ResourceLinks.resolve(route.property("ApiId"), template);
        if (api == null || !api.type().equals("AWS::ApiGatewayV2::Api")) {
            return null;
        }
        TemplateNode protocol = api.property("ProtocolType");
        if (protocol != null && protocol.is("WEBSOCKET")) {
            return true;
        }
        return protocol != null && protocol.is("HTTP") ? Boolean.FALSE : null;
    }
}
