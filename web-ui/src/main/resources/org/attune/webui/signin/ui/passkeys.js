// Passkey ceremonies against Spring Security's WebAuthn endpoints (same JSON as its own webauthn.js).
// Run through Vaadin's executeJs: $0 CSRF header name, $1 CSRF token, $2 passkey label (registration only).
const headers = { 'Content-Type': 'application/json' };
if ($0) { headers[$0] = $1; }
const decode = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)).buffer;
const encode = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
  .replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
const post = (url, body) => fetch(url, {
  method: 'POST', credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body)
});
const attuneRegisterPasskey = async (label) => {
  try {
    const optionsResponse = await post('webauthn/register/options');
    if (!optionsResponse.ok) { return 'refused'; }
    const options = await optionsResponse.json();
    const credential = await navigator.credentials.create({ publicKey: {
      ...options,
      user: { ...options.user, id: decode(options.user.id) },
      challenge: decode(options.challenge),
      excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: decode(c.id) }))
    } });
    const response = credential.response;
    const saved = await post('webauthn/register', { publicKey: { label, credential: {
      id: credential.id,
      rawId: encode(credential.rawId),
      response: {
        attestationObject: encode(response.attestationObject),
        clientDataJSON: encode(response.clientDataJSON),
        transports: response.getTransports ? response.getTransports() : []
      },
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    } } });
    if (!saved.ok) { return 'refused'; }
    return (await saved.json()).success ? 'ok' : 'refused';
  } catch (e) {
    return e && e.name === 'NotAllowedError' ? 'cancelled' : 'failed';
  }
};
const attuneSignInWithPasskey = async () => {
  try {
    const optionsResponse = await post('webauthn/authenticate/options');
    if (!optionsResponse.ok) { return 'refused'; }
    const options = await optionsResponse.json();
    const credential = await navigator.credentials.get({ publicKey: {
      ...options,
      challenge: decode(options.challenge),
      allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: decode(c.id) }))
    } });
    const response = credential.response;
    const signedIn = await post('login/webauthn', {
      id: credential.id,
      rawId: encode(credential.rawId),
      response: {
        authenticatorData: encode(response.authenticatorData),
        clientDataJSON: encode(response.clientDataJSON),
        signature: encode(response.signature),
        userHandle: response.userHandle ? encode(response.userHandle) : undefined
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    });
    if (!signedIn.ok) { return 'refused'; }
    const result = await signedIn.json();
    if (result.authenticated) { window.location.href = result.redirectUrl || '.'; return 'ok'; }
    return 'refused';
  } catch (e) {
    return e && e.name === 'NotAllowedError' ? 'cancelled' : 'failed';
  }
};
