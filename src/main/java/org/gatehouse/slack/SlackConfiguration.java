package org.gatehouse.slack;

import java.security.SecureRandom;
import java.util.HexFormat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Slack's client and Bolt's app, and the one endpoint Slack calls, {@code POST /slack/events} (events,
 * interactivity, slash commands), whatever the chat gateway: Bolt's servlet reads the body itself, and no filter that
 * reads bodies is mapped there (only the body limit, which hands the body on unread or replayed). Slack authenticates
 * by signature, which Bolt checks before anything is stored; without a signing secret the endpoint refuses everything.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfiguration {

    static final String EVENTS_PATH = "/slack/events";

    private static final Logger LOG = LoggerFactory.getLogger(SlackConfiguration.class);

    @Bean
    Slack slack(SlackProperties settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        // the client's metrics would call auth.test for each token and keep threads of their own; nobody reads them
        config.setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    @Bean(destroyMethod = "stop")
    App slackApp(SlackProperties settings, Slack slack, SlackEventLog events, SlackInbound inbound,
            SlackRequestModal requestModal, SlackInviteRequests inviteRequests) {
        AppConfig config = new AppConfig();
        config.setSlack(slack);
        config.setSingleTeamBotToken(settings.hasBotToken() ? settings.botToken() : null);
        config.setSigningSecret(settings.hasSigningSecret() ? settings.signingSecret() : unguessable());
        // an event nobody handles is answered 200 all the same: Slack would only send it again
        config.setAllEventsApiAutoAckEnabled(true);
        App app = new SlackApp(config, events);
        inbound.register(app);
        requestModal.register(app);
        inviteRequests.register(app);
        return app;
    }

    @Bean
    ServletRegistrationBean<SlackAppServlet> slackEvents(App slackApp) {
        var registration = new ServletRegistrationBean<>(new SlackAppServlet(slackApp), EVENTS_PATH);
        registration.setName("slack-events");
        return registration;
    }

    /** A secret nobody knows, so that no signature matches: Bolt would otherwise accept one made with its default. */
    private static String unguessable() {
        LOG.info("No Slack signing secret (gatehouse.slack.signing-secret): {} refuses every request", EVENTS_PATH);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }
}
