import type { LoginInput, LoginResult } from "@bridgework/domain";
import { useMutation } from "@tanstack/react-query";
import { login } from "../../../lib/auth.ts";

export const loginUser = (input: LoginInput): Promise<LoginResult> => login(input);

export function useLogin() {
  return useMutation({ mutationFn: loginUser });
}
