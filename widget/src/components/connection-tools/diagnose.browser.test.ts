import {expect} from '@open-wc/testing';
import {diagnoseSignIn} from './diagnose.js';
import type {DiagnosedConnection, SignInAttempt} from './diagnose.js';

const CONNECTION: DiagnosedConnection = {
  RedirectURI: ['https://app.example.com/callback', 'http://127.0.0.1:5173/cb'],
  CorsOrigins: ['https://app.example.com'],
  AllowedScopes: ['openid', 'profile'],
  IsActive: true,
};
const ATTEMPT: SignInAttempt = {
  redirectUri: 'https://app.example.com/callback',
  origin: 'https://app.example.com',
  scopes: ['openid'],
};

describe('diagnoseSignIn', () => {
  it('says the connection is inactive first: the provider refuses an inactive client before anything else', () => {
    const diagnosis = diagnoseSignIn(
      {error: 'invalid_client', errorPageStatus: 400},
      {...CONNECTION, IsActive: false},
      {...ATTEMPT, redirectUri: 'https://elsewhere.example/cb'},
    );
    expect(diagnosis).to.deep.equal({
      kind: 'connection-inactive',
      message:
        'This connection is inactive, so the platform refuses every sign-in with its Client ID. Reactivate it, then test again.',
    });
  });

  it('reports invalid_client on an active connection as a refused Client ID', () => {
    expect(diagnoseSignIn({error: 'invalid_client'}, CONNECTION, ATTEMPT).kind).to.equal('client-refused');
  });

  it('names the closest registered redirect URI, the difference, and offers to add the one the test used', () => {
    const diagnosis = diagnoseSignIn({errorPageStatus: 400}, CONNECTION, {
      ...ATTEMPT,
      redirectUri: 'http://localhost:5173/cb',
    });
    expect(diagnosis).to.deep.equal({
      kind: 'redirect-uri-not-registered',
      message:
        "The redirect URI http://localhost:5173/cb isn't registered on this connection. Closest registered: http://127.0.0.1:5173/cb — differs by localhost instead of 127.0.0.1 (the same computer, but a different string).",
      fix: {
        field: 'RedirectURI',
        value: 'http://localhost:5173/cb',
        label: 'Add http://localhost:5173/cb to Redirect URIs',
      },
      closest: 'http://127.0.0.1:5173/cb',
      difference: 'localhost instead of 127.0.0.1 (the same computer, but a different string)',
    });
  });

  it("doesn't list the differences from another app's address: it says none is like it, and still offers to add it", () => {
    const diagnosis = diagnoseSignIn(
      {errorPageStatus: 400},
      {...CONNECTION, RedirectURI: ['https://lmbadgbaohkjlkfmjkkbhlcdedjcbjkc.chromiumapp.org/']},
      {...ATTEMPT, redirectUri: 'http://127.0.0.1:5173/callback.html'},
    );
    expect(diagnosis).to.deep.equal({
      kind: 'redirect-uri-not-registered',
      message:
        "The redirect URI http://127.0.0.1:5173/callback.html isn't registered on this connection, whose only redirect URI (https://lmbadgbaohkjlkfmjkkbhlcdedjcbjkc.chromiumapp.org/) is nothing like it.",
      fix: {
        field: 'RedirectURI',
        value: 'http://127.0.0.1:5173/callback.html',
        label: 'Add http://127.0.0.1:5173/callback.html to Redirect URIs',
      },
    });
    const two = diagnoseSignIn({errorPageStatus: 400}, CONNECTION, {...ATTEMPT, redirectUri: 'ftp://other.test:21/x'});
    expect(two.message).to.equal(
      "The redirect URI ftp://other.test:21/x isn't registered on this connection, whose 2 redirect URIs are nothing like it (the first is https://app.example.com/callback).",
    );
  });

  it('says when a connection has no redirect URIs at all', () => {
    const diagnosis = diagnoseSignIn({errorPageStatus: 400}, {...CONNECTION, RedirectURI: []}, ATTEMPT);
    expect(diagnosis.message).to.equal(
      "The redirect URI https://app.example.com/callback isn't registered on this connection, which has no redirect URIs yet.",
    );
    expect(diagnosis.fix?.field).to.equal('RedirectURI');
  });

  it('lists the scopes the connection does not allow', () => {
    const diagnosis = diagnoseSignIn({error: 'invalid_scope'}, CONNECTION, {
      ...ATTEMPT,
      scopes: ['openid', 'email', 'api.user-management', 'email'],
    });
    expect(diagnosis).to.deep.equal({
      kind: 'scope-not-allowed',
      message:
        "The sign-in asked for scopes this connection doesn't allow: email, api.user-management. Add them to Allowed Scopes or stop asking for them.",
      scopes: ['email', 'api.user-management'],
    });
  });

  it('still explains invalid_scope when every requested scope is listed (the connection changed meanwhile)', () => {
    expect(diagnoseSignIn({error: 'invalid_scope'}, CONNECTION, ATTEMPT).message).to.equal(
      'The platform refused the requested scopes (invalid_scope). Check Allowed Scopes against the scopes the app asks for.',
    );
  });

  it('offers to add an origin missing from Cors Origins, compared as origins', () => {
    const diagnosis = diagnoseSignIn({tokenRequestBlocked: true}, CONNECTION, {
      ...ATTEMPT,
      origin: 'HTTPS://Other.Example.com:443',
    });
    expect(diagnosis).to.deep.equal({
      kind: 'origin-not-allowed',
      message:
        "The browser blocked the token request: https://other.example.com isn't in this connection's Cors Origins.",
      fix: {
        field: 'CorsOrigins',
        value: 'https://other.example.com',
        label: 'Add https://other.example.com to Cors Origins',
      },
    });
    expect(
      diagnoseSignIn({tokenRequestBlocked: true}, CONNECTION, {...ATTEMPT, origin: 'https://APP.example.com:443'}).kind,
    ).to.equal('unknown');
  });

  it('reports a denied consent', () => {
    expect(diagnoseSignIn({error: 'access_denied'}, CONNECTION, ATTEMPT).message).to.equal(
      'The user declined access on the consent page.',
    );
  });

  it("falls back to the platform's error code, never its description", () => {
    const diagnosis = diagnoseSignIn(
      {error: 'server_error', errorDescription: '<script>secret internals</script>'},
      CONNECTION,
      ATTEMPT,
    );
    expect(diagnosis).to.deep.equal({
      kind: 'unknown',
      message: "Sign-in failed with the platform's error \"server_error\". The connection's settings don't explain it.",
    });
  });
});
