/**
 * `ChannelStream<T>`: the items of a runtime `Channel<T>` as a `Stream<T>`,
 * so that code written against streams (a logger, a protocol decoder) can
 * consume what tasks or event handlers send.
 *
 *   const events = new Channel<i32>(8);                 // at init
 *   const stream = new ChannelStream<i32>(events);      // at init
 *   stream.next()                                       // in a poll: the next item
 *   stream.close()                                      // no more items: END after the queued ones
 *
 * A Channel never ends by itself; the stream ends when someone calls
 * `close()` (a producer that is done): items already in the channel are
 * still delivered, then every next() resolves to StreamStatus.END until
 * `reopen()`. Each next() holds one of the channel's receive waiters while
 * pending (see Channel). Cancel-safe: a cancelled next() has taken no item
 * (the channel's receive is cancel-safe). Never allocates after init.
 */
import { cancelHeld, Channel, ChannelReceive, textOf } from "outpost";
import { Stream, StreamNext, StreamStatus } from "outpost/hal/stream";

export class ChannelNext<T> extends StreamNext<T> {
  stream: ChannelStream<T> = changetype<ChannelStream<T>>(0); // set by its owner at init, before any poll
  private receive: ChannelReceive<T> | null = null;

  arm(): ChannelNext<T> {
    this.begin();
    this.receive = null;
    return this;
  }

  poll(): bool {
    const stream = this.stream;
    let receive = this.receive;
    if (receive === null) {
      if (stream.closed && stream.channel.isEmpty()) return this.stop(StreamStatus.END);
      receive = stream.channel.receive();
      this.receive = receive;
    }
    if (receive.poll()) {
      this.receive = null;
      return this.item(receive.value);
    }
    if (stream.closed && stream.channel.isEmpty()) {
      this.receive = cancelHeld(receive);
      return this.stop(StreamStatus.END);
    }
    return this.park();
  }

  protected release(): void {
    this.receive = cancelHeld(this.receive);
  }
}

export class ChannelStream<T> implements Stream<T> {
  readonly channel: Channel<T>;
  /** True after `close()`: the stream ends once the channel is empty. */
  closed: bool = false;
  private op: ChannelNext<T> = new ChannelNext<T>();

  /** A stream of `channel`'s items. `name` appears in BUSY messages. Init only. */
  constructor(channel: Channel<T>, name: string = "channel stream") {
    this.channel = channel;
    this.op.named(name, textOf("next()"));
    this.op.stream = this;
  }

  next(): ChannelNext<T> {
    return this.op.arm();
  }

  /** Ends the stream after the items already queued. Safe in event handlers. */
  close(): void {
    this.closed = true;
    this.op.wakeWaiter();
  }

  /** Undoes `close()`. */
  reopen(): void {
    this.closed = false;
  }
}
