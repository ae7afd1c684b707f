package com.memberdirectory.app.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * Refuses request parameters that hold a control character (NUL, line breaks, tabs, DEL, C1 controls): no
 * member, department, audit entry or file name holds one, and some of them (NUL in a search) cannot even be
 * sent to the store. Every parameter of every endpoint gets the same answer: 400 {@code malformed_request}
 * naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameterGuard implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasControlCharacter(parameter.getKey())) {
                throw ApiException.badField("", "A parameter name holds a control character.");
            }
            for (String value : parameter.getValue()) {
                if (hasControlCharacter(value)) {
                    throw ApiException.badField(parameter.getKey(),
                            "'" + parameter.getKey() + "' holds a control character (such as NUL or a line break).");
                }
            }
        }
        return true;
    }

    static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
