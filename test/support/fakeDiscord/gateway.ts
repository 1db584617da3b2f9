import type { IncomingMessage, Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import {
  ApplicationFlags,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { WebSocket, WebSocketServer } from 'ws';
import { botUserPayload, guildCreatePayload } from './payloads.js';
import type { Store } from './store.js';

interface Dispatch {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  socket: WebSocket | null;
  /** recent dispatches, replayed on RESUME */
  sent: Dispatch[];
}

export interface Gateway {
  /** sends to every session; one whose socket dropped buffers it for its RESUME. Returns the number of sessions. */
  dispatch(t: string, d: unknown): number;
  /** an open connection has identified (its READY and GUILD_CREATEs go out together) */
  isReady(): boolean;
  disconnectAll(): void;
  close(): Promise<void>;
}

const REPLAY_LIMIT = 1000;
const APPLICATION_FLAGS = ApplicationFlags.GatewayMessageContentLimited;

export function createGateway(store: Store, server: Server, heartbeatIntervalMs: number): Gateway {
  const wss = new WebSocketServer({ server });
  const sessions = new Map<string, Session>();

  const send = (socket: WebSocket | null, payload: unknown) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  };

  function dispatchTo(session: Session, t: string, d: unknown): void {
    const payload: Dispatch = { op: GatewayOpcodes.Dispatch, t, s: ++session.seq, d };
    session.sent.push(payload);
    if (session.sent.length > REPLAY_LIMIT) session.sent.shift();
    send(session.socket, payload);
  }

  function identify(socket: WebSocket, d: Record<string, unknown>): void {
    const token = typeof d['token'] === 'string' ? d['token'] : '';
    const intents = typeof d['intents'] === 'number' ? d['intents'] : Number.NaN;
    store.identifies.push({ intents, token });
    store.changed();
    if (token !== store.botToken) return socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    if (!Number.isInteger(intents) || intents < 0) return socket.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, socket, sent: [] };
    sessions.set(session.id, session);
    const shard = Array.isArray(d['shard']) ? (d['shard'] as [number, number]) : ([0, 1] as [number, number]);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: botUserPayload(store),
      guilds: [...store.guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: store.gatewayUrl,
      shard,
      application: { id: store.applicationId, flags: APPLICATION_FLAGS, flags_new: String(APPLICATION_FLAGS) },
    };
    dispatchTo(session, GatewayDispatchEvents.Ready, ready);
    for (const guild of store.guilds.values()) dispatchTo(session, GatewayDispatchEvents.GuildCreate, guildCreatePayload(store, guild));
    store.changed();
  }

  function resume(socket: WebSocket, d: Record<string, unknown>): void {
    if (d['token'] !== store.botToken) return socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    const session = sessions.get(String(d['session_id']));
    if (!session) return send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
    session.socket?.terminate();
    session.socket = socket;
    const after = Number(d['seq'] ?? 0);
    for (const payload of session.sent) if (payload.s > after) send(socket, payload);
    dispatchTo(session, GatewayDispatchEvents.Resumed, {});
    store.changed();
  }

  function onMessage(socket: WebSocket, raw: string, identified: () => boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(raw) as { op?: unknown; d?: unknown };
    } catch {
      return socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
    }
    const d = payload.d !== null && typeof payload.d === 'object' ? (payload.d as Record<string, unknown>) : {};
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        return send(socket, { op: GatewayOpcodes.HeartbeatAck });
      case GatewayOpcodes.Identify:
        if (identified()) return socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
        return identify(socket, d);
      case GatewayOpcodes.Resume:
        if (identified()) return socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
        return resume(socket, d);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!identified()) return socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        return socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    const query = new URL(req.url ?? '/', 'ws://fake.invalid').searchParams;
    if (query.get('v') !== '10') return socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version.');
    if (query.get('encoding') !== 'json') return socket.close(GatewayCloseCodes.DecodeError, 'The fake Discord speaks JSON only.');
    const sessionOf = () => [...sessions.values()].find((session) => session.socket === socket);
    socket.on('message', (data: WebSocket.RawData) => onMessage(socket, data.toString(), () => sessionOf() !== undefined));
    socket.on('close', (code: number) => {
      const session = sessionOf();
      if (!session) return;
      session.socket = null;
      // A clean close (1000/1001) ends the session on Discord; anything else leaves it resumable.
      if (code === 1000 || code === 1001) sessions.delete(session.id);
      store.changed();
    });
    send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: heartbeatIntervalMs } });
  });

  return {
    dispatch(t, d) {
      for (const session of sessions.values()) dispatchTo(session, t, d);
      return sessions.size;
    },
    isReady: () => [...sessions.values()].some((s) => s.socket?.readyState === WebSocket.OPEN),
    disconnectAll() {
      for (const session of sessions.values()) session.socket?.terminate();
    },
    async close() {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
