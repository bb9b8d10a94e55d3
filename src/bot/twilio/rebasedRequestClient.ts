import RequestClient from 'twilio/lib/base/RequestClient';

/**
 * Twilio's own HTTP client, sending every REST call to another origin (the client's region and edge settings only
 * change the *.twilio.com host name). For tests and local runs: a server on loopback plays Twilio's REST API.
 */
export class RebasedRequestClient extends RequestClient {
  private readonly origin: URL;

  constructor(baseUrl: string) {
    super();
    this.origin = new URL(baseUrl);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    uri.protocol = this.origin.protocol;
    uri.host = this.origin.host;
    return super.request<TData>({ ...opts, uri: uri.href });
  }
}
