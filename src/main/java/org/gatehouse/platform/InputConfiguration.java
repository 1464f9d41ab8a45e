package org.gatehouse.platform;

import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** What Gatehouse accepts as input: bounded bodies, checked text, and the link pages' headers. */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebMvcConfigurer {

    /**
     * Before authentication: an oversized body is refused whoever sends it, and never read. Slack's webhook too, which
     * reads its whole body before its signature is checked.
     */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimit(BodyLimits limits, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new BodyLimitFilter(limits, json));
        registration.setName("body-limit");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/slack/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 2);
        return registration;
    }

    /** After the body limit, so that a form body is only parsed once it is known to be small enough. */
    @Bean
    FilterRegistrationBean<MalformedParametersFilter> malformedParameters(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new MalformedParametersFilter(json));
        registration.setName("malformed-parameters");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * Tomcat's own error answers as problem+json: Spring Boot puts a plain {@link ErrorReportValve} on the host, which
     * this one replaces, and the host, which would add its default one when it starts, is told that this is it.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            var host = (StandardHost) context.getParent();
            Arrays.stream(host.getPipeline().getValves()).filter(ErrorReportValve.class::isInstance)
                    .forEach(host.getPipeline()::removeValve);
            host.getPipeline().addValve(new ProblemErrorReportValve());
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        });
    }

    /** Spring Boot puts every {@link Module} bean on the ObjectMapper that reads request bodies. */
    @Bean
    Module textInput() {
        return TextInput.module();
    }

    /**
     * A path Spring Security's firewall refuses (an encoded slash or percent sign, a semicolon, a control character)
     * is a bad request like any other: problem+json naming the path.
     */
    @Bean
    RequestRejectedHandler malformedPath(ObjectMapper json) {
        return (request, response, e) -> ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST,
                "The request's path is malformed", Map.of("field", "path", "message", e.getMessage()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LinkPageHeaders());
    }
}
