/**
 * HTTP clients and API SDKs from npm. A request is its own exchange with the
 * server, so requests through one client are `stateless`: overlapping them is
 * safe unless the caller's own logic ties them together. superagent's agent keeps
 * cookies between requests and is the exception.
 */
import type { Behaviour } from './behaviour';
import { cheap, constructs, makes, registers, waits, callsBack, type TableBuilder } from './build';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];
const request: Behaviour = waits('network', { stateless: true });

export function addHttpClients(t: TableBuilder): void {
  addAxios(t);
  addGotAndKy(t);
  addFetchLikes(t);
  addSuperagent(t);
  addSdks(t);
}

function addAxios(t: TableBuilder): void {
  t.api('axios', request);
  t.apis('axios', [...VERBS, 'postForm', 'putForm', 'patchForm'], request);
  t.api('axios.create', makes('axios.AxiosInstance'));
  // axios.all is an old alias of Promise.all.
  t.api('axios.all', { does: 'combinator', combinator: 'all', returnsPromise: true });
  t.api(['axios.spread', 'axios.isAxiosError', 'axios.isCancel'], cheap());
  t.api(['axios.interceptors.request.use', 'axios.interceptors.response.use'], registers(0));
  t.type('axios.AxiosInstance', {
    call: request, stateless: true, properties: { interceptors: 'axios.Interceptors', defaults: 'axios.Defaults' },
  });
  t.methods('axios.AxiosInstance', [...VERBS, 'postForm', 'putForm', 'patchForm'], request);
  t.type('axios.Interceptors', { properties: { request: 'axios.InterceptorManager', response: 'axios.InterceptorManager' } });
  t.type('axios.InterceptorManager', {});
  t.methods('axios.InterceptorManager', ['use'], registers(0));
  t.methods('axios.InterceptorManager', ['eject', 'clear'], cheap());
  t.type('axios.Defaults', {});
}

function addGotAndKy(t: TableBuilder): void {
  // got's promise is eager and carries body readers: got(url).json().
  const gotRequest = waits('network', { stateless: true, instance: 'got.ResponsePromise' });
  t.api('got', gotRequest);
  t.apis('got', ['get', 'post', 'put', 'patch', 'delete', 'head'], gotRequest);
  t.api('got.extend', makes('got.Got'));
  t.api('got.stream', makes('stream.Duplex'));
  t.api('got.paginate', cheap({ asyncIterable: 'network' }));
  t.api('got.paginate.all', waits('network'));
  t.type('got.Got', { call: gotRequest, stateless: true, properties: { paginate: 'got.Paginate' } });
  t.methods('got.Got', ['get', 'post', 'put', 'patch', 'delete', 'head'], gotRequest);
  t.methods('got.Got', ['extend'], makes('got.Got'));
  t.methods('got.Got', ['stream'], makes('stream.Duplex'));
  t.type('got.Paginate', { call: cheap({ asyncIterable: 'network' }) });
  t.methods('got.Paginate', ['all'], waits('network'));
  t.type('got.ResponsePromise', {});
  t.methods('got.ResponsePromise', ['json', 'text', 'buffer'], waits('network'));
  t.methods('got.ResponsePromise', ['cancel', 'on'], cheap());

  const kyRequest = waits('network', { stateless: true, instance: 'ky.ResponsePromise' });
  t.api('ky', kyRequest);
  t.apis('ky', ['get', 'post', 'put', 'patch', 'delete', 'head'], kyRequest);
  t.api(['ky.create', 'ky.extend'], makes('ky.KyInstance'));
  t.type('ky.KyInstance', { call: kyRequest, stateless: true });
  t.methods('ky.KyInstance', ['get', 'post', 'put', 'patch', 'delete', 'head'], kyRequest);
  t.methods('ky.KyInstance', ['create', 'extend'], makes('ky.KyInstance'));
  t.type('ky.ResponsePromise', {});
  t.methods('ky.ResponsePromise', ['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes'], waits('network'));
}

function addFetchLikes(t: TableBuilder): void {
  const fetchLike = waits('network', { stateless: true, instance: 'Response' });
  t.api(['node-fetch', 'undici.fetch'], fetchLike);
  // undici.request resolves to { statusCode, headers, body } and calls back when given a callback.
  const undiciRequest = waits('network', { stateless: true, instance: 'undici.ResponseData', whenCallback: callsBack('network', { stateless: true }) });
  t.api('undici.request', undiciRequest);
  t.api(['undici.stream', 'undici.connect', 'undici.upgrade'], waits('network', { whenCallback: callsBack('network') }));
  t.api('undici.pipeline', makes('stream.Duplex'));
  t.api(['undici.setGlobalDispatcher', 'undici.getGlobalDispatcher'], cheap());
  t.api('undici.Client', constructs('undici.Client'));
  t.api(['undici.Pool', 'undici.BalancedPool'], constructs('undici.Pool'));
  t.api(['undici.Agent', 'undici.ProxyAgent', 'undici.EnvHttpProxyAgent', 'undici.RetryAgent'], constructs('undici.Agent'));
  t.type('undici.Dispatcher', { extends: 'events.EventEmitter' });
  t.methods('undici.Dispatcher', ['request'], undiciRequest);
  t.methods('undici.Dispatcher', ['stream', 'connect', 'upgrade', 'close', 'destroy'], waits('network', { whenCallback: callsBack('network') }));
  t.methods('undici.Dispatcher', ['pipeline'], makes('stream.Duplex'));
  t.methods('undici.Dispatcher', ['dispatch', 'compose'], cheap());
  // One Client is one origin's connection(s); a Pool or an Agent spreads requests over many.
  t.type('undici.Client', { extends: 'undici.Dispatcher' });
  t.type('undici.Pool', { extends: 'undici.Dispatcher', stateless: true });
  t.type('undici.Agent', { extends: 'undici.Dispatcher', stateless: true });
  t.type('undici.ResponseData', { properties: { body: 'undici.BodyReadable' } });
  t.type('undici.BodyReadable', { extends: 'stream.Readable', asyncIterable: 'network' });
  t.methods('undici.BodyReadable', ['json', 'text', 'arrayBuffer', 'blob', 'bytes', 'formData', 'dump'], waits('network'));

  const graphqlRequest = waits('network', { stateless: true });
  t.apis('graphql-request', ['request', 'rawRequest', 'batchRequests'], graphqlRequest);
  t.api('graphql-request.GraphQLClient', constructs('graphql-request.GraphQLClient'));
  t.type('graphql-request.GraphQLClient', { stateless: true });
  t.methods('graphql-request.GraphQLClient', ['request', 'rawRequest', 'batchRequests'], graphqlRequest);
  t.methods('graphql-request.GraphQLClient', ['setHeader', 'setHeaders', 'setEndpoint'], cheap());
}

function addSuperagent(t: TableBuilder): void {
  // A superagent request is a lazy builder: it is sent on `.then` (await) or `.end(callback)`.
  const builds = makes('superagent.Request');
  t.api('superagent', builds);
  t.apis('superagent', ['get', 'post', 'put', 'patch', 'del', 'delete', 'head', 'options'], builds);
  t.api('superagent.agent', makes('superagent.Agent'));
  t.type('superagent.Request', { thenable: 'network', lazy: true, otherMethods: 'same', stateless: true });
  t.methods('superagent.Request', ['end'], callsBack('network'));
  t.methods('superagent.Request', ['abort', 'pipe'], cheap());
  // An agent keeps cookies and defaults across its requests: they share state.
  t.type('superagent.Agent', {});
  t.methods('superagent.Agent', ['get', 'post', 'put', 'patch', 'del', 'delete', 'head', 'options'], makes('superagent.AgentRequest'));
  t.type('superagent.AgentRequest', { thenable: 'network', lazy: true, otherMethods: 'same' });
  t.methods('superagent.AgentRequest', ['end'], callsBack('network'));
}

/**
 * Generated REST SDKs: a client object whose properties are resources
 * (`openai.chat.completions`, `stripe.customers`, `octokit.rest.repos`) and whose
 * resource methods send one request each. Only the request methods every such SDK
 * shares are listed; helpers such as `stream()` or `constructEvent()` are not
 * requests and stay unknown.
 */
function addSdks(t: TableBuilder): void {
  const sdks: Array<{ modules: string[]; type: string; methods: string[] }> = [
    { modules: ['openai', 'openai.OpenAI'], type: 'openai.OpenAI', methods: ['create', 'retrieve', 'update', 'list', 'del', 'delete', 'cancel', 'parse'] },
    {
      modules: ['@anthropic-ai/sdk', '@anthropic-ai/sdk.Anthropic'], type: '@anthropic-ai/sdk.Anthropic',
      methods: ['create', 'retrieve', 'list', 'update', 'delete', 'cancel', 'countTokens', 'results'],
    },
    { modules: ['stripe', 'stripe.Stripe'], type: 'stripe.Stripe', methods: ['create', 'retrieve', 'update', 'list', 'del', 'search', 'cancel', 'confirm', 'capture'] },
  ];
  for (const sdk of sdks) {
    const resource = `${sdk.type}.Resource`;
    t.api(sdk.modules, constructs(sdk.type));
    t.type(sdk.type, { otherProperties: resource, stateless: true });
    t.type(resource, { otherProperties: resource, stateless: true });
    t.methods(resource, sdk.methods, request);
  }
  t.api(['@octokit/rest.Octokit', '@octokit/core.Octokit'], constructs('@octokit/rest.Octokit'));
  // `octokit.rest.repos.get` (and the older `octokit.repos.get`); `log` and `hook` are helpers, not endpoints.
  t.type('@octokit/rest.Octokit', {
    properties: { rest: '@octokit/rest.Namespaces', log: '@octokit/rest.Helper', hook: '@octokit/rest.Helper' },
    otherProperties: '@octokit/rest.Endpoints', stateless: true,
  });
  t.type('@octokit/rest.Helper', {});
  t.methods('@octokit/rest.Octokit', ['request', 'graphql'], request);
  t.methods('@octokit/rest.Octokit', ['paginate'], request);
  t.type('@octokit/rest.Namespaces', { otherProperties: '@octokit/rest.Endpoints' });
  // Every endpoint method (octokit.rest.repos.get, octokit.rest.issues.create, ...) is one request.
  t.type('@octokit/rest.Endpoints', { methodDefault: request, stateless: true });
}
