package io.ainstruct.adapter.qdrant;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

/**
 * Makes every call wait, up to its deadline, for a connection to Qdrant instead of failing at once while the
 * channel is between reconnect attempts. Without it a Qdrant that came back would be refused for as long as gRPC's
 * reconnect backoff (up to two minutes); with it a call succeeds as soon as a connection can be made.
 */
final class WaitForReady implements ClientInterceptor {
    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        return next.newCall(method, options.withWaitForReady());
    }
}
