package com.memberdirectory.eventstore;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Group commit for the embedded store. Every database commit of the embedded store syncs its log to disk, and
 * HSQLDB does that under a global lock, so one command per transaction caps the whole service at about one
 * command per disk sync. This bus lets a single writer thread take whatever commands are waiting (up to
 * {@code maxBatch}) and handle them one after the other inside one database transaction — each command still in
 * a unit of work of its own, whose transaction is a savepoint ({@code PROPAGATION_NESTED} on the delegate's
 * transaction manager), so a refused command undoes exactly its own writes and nothing else — and then commits
 * the batch once. Callers are answered only after that commit: an acknowledged command is on disk, as before.
 * <p>
 * Commands that later commands in the same batch depend on (a claimed e-mail address, a new version of a member)
 * are visible to them because they share the transaction, so the rules hold exactly as with one transaction per
 * command. If the batch's commit itself fails, every command of the batch is answered with that failure and the
 * aggregate cache is cleared (it may hold state that never reached the disk).
 * <p>
 * Commands dispatched on the writer thread (from a command handler) or inside another unit of work (an event
 * handler) are handled at once on the calling thread, exactly as by the delegate, so they stay part of their
 * caller's unit of work and cannot wait for themselves.
 */
public final class GroupCommitCommandBus implements CommandBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitCommandBus.class);

    private final CommandBus delegate;
    private final PlatformTransactionManager transactions;
    private final Runnable afterFailedCommit;
    private final int maxBatch;
    private final BlockingQueue<Pending<?, ?>> queue = new LinkedBlockingQueue<>();
    private final List<MessageDispatchInterceptor<? super CommandMessage<?>>> dispatchInterceptors =
            new CopyOnWriteArrayList<>();
    private final Thread writer;
    private volatile boolean open = true;

    /**
     * @param delegate          handles each command; its transaction manager must open a savepoint when a
     *                          transaction is already active ({@code PROPAGATION_NESTED})
     * @param transactions      opens the batch's transaction on the writer thread
     * @param afterFailedCommit what to forget when a batch could not be committed (the aggregate cache)
     * @param maxBatch          the most commands one transaction takes
     */
    public GroupCommitCommandBus(CommandBus delegate, PlatformTransactionManager transactions,
                                 Runnable afterFailedCommit, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.delegate = delegate;
        this.transactions = transactions;
        this.afterFailedCommit = afterFailedCommit;
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::write, "command-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
            if (result.isExceptional()) {
                log.warn("Command {} failed", message.getCommandName(), result.exceptionResult());
            }
        });
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command,
                                CommandCallback<? super C, ? super R> callback) {
        CommandMessage<C> intercepted = intercept(command);
        if (Thread.currentThread() == writer || CurrentUnitOfWork.isStarted()) {
            delegate.dispatch(intercepted, callback);
            return;
        }
        if (!open) {
            callback.onResult(intercepted, GenericCommandResultMessage.asCommandResultMessage(
                    new IllegalStateException("The service is stopping; the command was not handled")));
            return;
        }
        queue.add(new Pending<>(intercepted, callback));
    }

    @SuppressWarnings("unchecked")
    private <C> CommandMessage<C> intercept(CommandMessage<C> command) {
        CommandMessage<C> message = command;
        for (MessageDispatchInterceptor<? super CommandMessage<?>> interceptor : dispatchInterceptors) {
            BiFunction<Integer, ? super CommandMessage<?>, ? super CommandMessage<?>> function =
                    interceptor.handle(List.of(message));
            message = (CommandMessage<C>) function.apply(0, message);
        }
        return message;
    }

    private void write() {
        List<Pending<?, ?>> batch = new ArrayList<>(maxBatch);
        while (open || !queue.isEmpty()) {
            try {
                Pending<?, ?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                handle(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("The command writer failed on a batch of {} commands", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    private void handle(List<Pending<?, ?>> batch) {
        List<Runnable> answers = new ArrayList<>(batch.size());
        TransactionStatus transaction;
        try {
            transaction = transactions.getTransaction(
                    new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED));
        } catch (RuntimeException e) {
            failAll(batch, e);
            return;
        }
        try {
            for (Pending<?, ?> pending : batch) {
                Answer<?, ?> answer = pending.handleBy(delegate);
                Throwable aborted = answer.abortedTransaction();
                if (aborted != null) {
                    throw new TransactionAbortedException(aborted);
                }
                answers.add(answer::give);
            }
        } catch (RuntimeException | Error e) {
            try {
                transactions.rollback(transaction);
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            failAll(batch, e);
            return;
        }
        try {
            transactions.commit(transaction);
        } catch (RuntimeException e) {
            failAll(batch, e);
            return;
        }
        for (Runnable answer : answers) {
            try {
                answer.run();
            } catch (RuntimeException e) {
                log.warn("A command's caller failed while taking its answer", e);
            }
        }
    }

    private void failAll(List<Pending<?, ?>> batch, Throwable cause) {
        log.error("A batch of {} commands could not be committed; none of them took effect", batch.size(), cause);
        afterFailedCommit.run();
        batch.forEach(pending -> pending.fail(cause));
    }

    @Override
    public Registration subscribe(String commandName,
                                  MessageHandler<? super CommandMessage<?>> handler) {
        return delegate.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return delegate.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        dispatchInterceptors.add(dispatchInterceptor);
        return () -> dispatchInterceptors.remove(dispatchInterceptor);
    }

    /** Handles what was already queued, refuses what comes later, and stops the writer. */
    @Override
    public void close() throws InterruptedException {
        open = false;
        writer.join(TimeUnit.SECONDS.toMillis(30));
        Pending<?, ?> left;
        while ((left = queue.poll()) != null) {
            left.fail(new IllegalStateException("The service stopped before the command was handled"));
        }
    }

    /** What a command came to, to be given to its caller once the batch is committed. */
    private record Answer<C, R>(Pending<C, R> pending, CommandResultMessage<? extends R> result) {

        void give() {
            pending.callback().onResult(pending.command(), result);
        }

        /**
         * The failure that made the database abandon the whole transaction (a deadlock or serialization failure,
         * SQLState class 40) rather than only the command's savepoint, if that is how the command failed: the
         * commands handled before it in the batch are then gone too, so the batch must not be committed.
         */
        Throwable abortedTransaction() {
            if (!result.isExceptional()) {
                return null;
            }
            for (Throwable t = result.exceptionResult(); t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")
                        || t instanceof TransactionException) {
                    return result.exceptionResult();
                }
            }
            return null;
        }
    }

    /** The database abandoned the batch's transaction while handling one of its commands. */
    private static final class TransactionAbortedException extends RuntimeException {
        TransactionAbortedException(Throwable cause) {
            super("The database abandoned the transaction of a batch of commands", cause);
        }
    }

    /** A command waiting for the writer, with the caller's callback. */
    private record Pending<C, R>(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {

        /** Handles the command now; the answer is given once the batch is committed. */
        Answer<C, R> handleBy(CommandBus bus) {
            @SuppressWarnings("unchecked")
            CommandResultMessage<? extends R>[] result = new CommandResultMessage[1];
            bus.<C, R>dispatch(command, (message, answer) -> result[0] = answer);
            CommandResultMessage<? extends R> answer = result[0] != null ? result[0] : GenericCommandResultMessage
                    .asCommandResultMessage(new IllegalStateException("The command was not answered"));
            return new Answer<>(this, answer);
        }

        void fail(Throwable cause) {
            callback.onResult(command, GenericCommandResultMessage.asCommandResultMessage(cause));
        }
    }
}
