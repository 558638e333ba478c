package io.phalanx.ledger.state;

import io.phalanx.crypto.Ed25519Verifier;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.Signature;
import java.util.TreeSet;

/**
 * Governance: a proposal applies only with valid Ed25519 approvals, over the exact proposal
 * bytes, from at least m distinct organisations of the genesis. Any unknown organisation or bad
 * signature refuses the whole proposal; a proposal id executes at most once.
 */
final class GovernanceExecution {
  private GovernanceExecution() {}

  static ResultCode execute(BlockContext context, Operation.Governance governance) {
    StateRecords records = context.records();
    GovernanceProposal proposal = governance.proposal();
    if (records.isProposalExecuted(proposal.proposalId())) {
      return ResultCode.PROPOSAL_ALREADY_EXECUTED;
    }
    ResultCode approvals = checkApprovals(context.rules(), governance);
    if (approvals != ResultCode.OK) {
      return approvals;
    }
    ResultCode applied = apply(context, proposal.action());
    if (applied == ResultCode.OK) {
      records.markProposalExecuted(proposal.proposalId());
    }
    return applied;
  }

  private static ResultCode checkApprovals(GovernanceRules rules, Operation.Governance governance) {
    TreeSet<String> approvers = new TreeSet<>();
    for (GovernanceApproval approval : governance.approvals()) {
      PublicKey key = rules.organisations().get(approval.organisation());
      if (key == null) {
        return ResultCode.UNKNOWN_ORGANISATION;
      }
      if (!isValid(key, governance, approval)) {
        return ResultCode.BAD_APPROVAL_SIGNATURE;
      }
      approvers.add(approval.organisation());
    }
    return approvers.size() < rules.threshold() ? ResultCode.INSUFFICIENT_APPROVALS
        : ResultCode.OK;
  }

  private static boolean isValid(PublicKey key, Operation.Governance governance,
      GovernanceApproval approval) {
    if (approval.signature().length() != Signature.LENGTH_BYTES) {
      return false;
    }
    return Ed25519Verifier.isValid(key, governance.proposalBytes(),
        Signature.of(approval.signature()));
  }

  private static ResultCode apply(BlockContext context, GovernanceProposal.Action action) {
    StateRecords records = context.records();
    if (action instanceof GovernanceProposal.AddMember add) {
      if (records.member(add.memberId()).isPresent()) {
        return ResultCode.MEMBER_ALREADY_EXISTS;
      }
      if (!context.rules().organisations().containsKey(add.organisation())) {
        return ResultCode.UNKNOWN_ORGANISATION;
      }
      if (!isValidKey(add)) {
        return ResultCode.BAD_MEMBER_KEY;
      }
      records.putMember(new Member(add.memberId(), add.organisation(), add.publicKey(),
          add.roles()));
      return ResultCode.OK;
    }
    if (action instanceof GovernanceProposal.RemoveMember remove) {
      if (records.member(remove.memberId()).isEmpty()) {
        return ResultCode.MEMBER_NOT_FOUND;
      }
      records.deleteMember(remove.memberId());
      return ResultCode.OK;
    }
    GovernanceProposal.SetRoles set = (GovernanceProposal.SetRoles) action;
    var member = records.member(set.memberId());
    if (member.isEmpty()) {
      return ResultCode.MEMBER_NOT_FOUND;
    }
    records.putMember(member.get().withRoles(set.roles()));
    return ResultCode.OK;
  }

  private static boolean isValidKey(GovernanceProposal.AddMember add) {
    try {
      PublicKey.of(add.publicKey());
      return true;
    } catch (InvalidEncodingException e) {
      return false;
    }
  }
}
