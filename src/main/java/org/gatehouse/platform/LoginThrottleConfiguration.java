package org.gatehouse.platform;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The login throttle runs before Spring Security and the webapps' filters, so a refused attempt checks nothing. */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ObjectMapper json,
            CamundaBpmProperties camunda) {
        String webapp = camunda.getWebapp().getApplicationPath();
        var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, json, webapp));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*", webapp + "/api/admin/auth/user/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
