package nl.doorbraak.security;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.OwnUsers;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * What the login tests share: a user of their own with a known password (an auditor, so that it
 * may use the API, the web pages and Tasklist), an attacker's address and the user's own address
 * that no other test uses, and the channels in.
 */
@PostgresIntegrationTest
abstract class LoginTestCase {

    static final String PASSWORD = "juist-wachtwoord";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    LoginChannels channels;
    String user;
    String attacker;
    String own;

    @BeforeEach
    void ownUserAndSources() {
        channels = new LoginChannels(port);
        user = OwnUsers.create(identityService, "login-" + UUID.randomUUID().toString().substring(0, 8), "auditor",
                PASSWORD);
        attacker = LoginChannels.newSource();
        own = LoginChannels.newSource();
    }

    @AfterEach
    void removeUser() {
        identityService.deleteUser(user);
    }
}
