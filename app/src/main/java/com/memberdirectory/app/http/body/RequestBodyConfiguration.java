package com.memberdirectory.app.http.body;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.app.http.ProblemWriter;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs the {@link RequestBodyValve} with {@code directory.requests} and the multipart upload limit. */
@Configuration(proxyBeanMethods = false)
class RequestBodyConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestBodyValve(DirectoryProperties properties,
                                                                                MultipartProperties multipart,
                                                                                ProblemWriter problems) {
        DirectoryProperties.Requests requests = properties.requests();
        RequestBodyLimits limits = new RequestBodyLimits(multipart.getMaxRequestSize().toBytes(),
                requests.maxBody().toBytes(), requests.minimumBodyRate().toBytes(), requests.bodyGrace());
        return factory -> factory.addContextValves(new RequestBodyValve(limits, requests.maxBodyReaders(), problems));
    }
}
