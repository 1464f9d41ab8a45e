package org.gatehouse.platform;

import java.util.Map;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
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

    /** Before authentication: an oversized body is refused whoever sends it, and never read. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimit(BodyLimits limits, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new BodyLimitFilter(limits, json));
        registration.setName("body-limit");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
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
        return (request, response, e) -> ProblemResponses.write(json, response, HttpStatus.BAD_REQUEST,
                "The request's path is malformed", Map.of("field", "path", "message", e.getMessage()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LinkPageHeaders());
    }
}
