"""What the PORT rules about the number of key accounts share. Not a rule."""

from __future__ import annotations

from kamctl.lint.base import Messages, PortfolioContext

MESSAGES: Messages = {
    "key.1": {"en": "{n} key account (profile full)", "nb": "{n} nøkkelkunde med full plan"},
    "key.n": {"en": "{n} key accounts (profile full)", "nb": "{n} nøkkelkunder med full plan"},
    "light.1": {"en": ", besides {n} KAM light plan", "nb": ", i tillegg til {n} KAM light-plan"},
    "light.n": {"en": ", besides {n} KAM light plans", "nb": ", i tillegg til {n} KAM light-planer"},
}


def key_accounts(ctx: PortfolioContext) -> int:
    from kamctl.portfolio import key_account_count

    return key_account_count(ctx.accounts)


def counted(ctx: PortfolioContext) -> str:
    """``12 key accounts (profile full), besides 5 KAM light plans``."""
    n = key_accounts(ctx)
    light = len(ctx.accounts) - n
    text = ctx.say(MESSAGES, "key.1" if n == 1 else "key.n", n=n)
    if light:
        text += ctx.say(MESSAGES, "light.1" if light == 1 else "light.n", n=light)
    return text


def guide(ctx: PortfolioContext) -> dict[str, int]:
    cfg = ctx.config.portfolio
    return {"low": cfg.min_key_accounts, "high": cfg.max_key_accounts}
