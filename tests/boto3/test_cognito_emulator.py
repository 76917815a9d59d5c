#!/usr/bin/env python3
"""boto3 against the Cognito emulator of tests/examples/cognito_server.rs.

Starts the emulator on a free loopback port, drives it with a real client (boto3, pinned to
the botocore whose model the bindings come from), and stops it. Valid calls first, with
their datetime members parsed by botocore; then, with parameter validation off on the
client side, what the service must refuse itself: constraint violations (the exact
`InvalidParameterException` messages, several at once), wrong JSON types
(`SerializationException`), and, over plain HTTP, an unknown target, a missing target,
bad JSON, a non-POST request and a path other than `/`.

    python3 tests/boto3/test_cognito_emulator.py        # builds the example with cargo
    COGNITO_SERVER=target/debug/examples/cognito_server python3 tests/boto3/test_cognito_emulator.py

Standard library only besides boto3, so that CI needs nothing else; it ends with the line
`N passed, N failed`.
"""

import datetime
import json
import os
import re
import signal
import subprocess
import sys
import unittest
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

ROOT = Path(__file__).resolve().parents[2]
BOTOCORE = "1.44.8"
PREFIX = "AWSCognitoIdentityProviderService."
CONFIRMATION_CODE = "123456"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
STARTUP_SECONDS = 600  # a first `cargo run` builds the example


class Emulator:
    """The example server, started on a free port in its own process group."""

    def __init__(self):
        binary = os.environ.get("COGNITO_SERVER")
        if binary:
            command = [binary, "127.0.0.1:0"]
        else:
            command = ["cargo", "run", "-q", "-p", "specgen-tests", "--example", "cognito_server",
                       "--", "127.0.0.1:0"]
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True,
                                        start_new_session=True)
        signal.signal(signal.SIGALRM, lambda *_: self.stop())
        signal.alarm(STARTUP_SECONDS)
        line = self.process.stdout.readline()
        signal.alarm(0)
        match = re.fullmatch(r"listening on (http://127\.0\.0\.1:\d+)\n", line)
        if not match:
            self.stop()
            raise RuntimeError(f"the emulator did not start: {line!r}")
        self.url = match.group(1)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def client(url, **config):
    return boto3.client(
        "cognito-idp",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=Config(retries={"max_attempts": 1}, **config),
    )


def post(url, target, body, method="POST", path="/"):
    """A raw call: (status, headers with lower-case names, parsed JSON body)."""
    headers = {"Content-Type": "application/x-amz-json-1.1"}
    if target is not None:
        headers["X-Amz-Target"] = target
    data = body.encode() if method == "POST" else None
    request = urllib.request.Request(url + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, raw, head = response.status, response.read(), response.headers
    except urllib.error.HTTPError as e:
        status, raw, head = e.code, e.read(), e.headers
    return status, {k.lower(): v for k, v in head.items()}, json.loads(raw)


class CognitoEmulator(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        assert botocore.__version__ == BOTOCORE, f"botocore {botocore.__version__}, not {BOTOCORE}"
        cls.emulator = Emulator()
        cls.idp = client(cls.emulator.url)
        cls.loose = client(cls.emulator.url, parameter_validation=False)
        pool = cls.idp.create_user_pool(
            PoolName="emulated",
            Policies={"PasswordPolicy": {"MinimumLength": 8}},
            AutoVerifiedAttributes=["email"],
        )["UserPool"]
        cls.pool = pool
        cls.pool_id = pool["Id"]
        cls.client_id = cls.idp.create_user_pool_client(
            UserPoolId=cls.pool_id,
            ClientName="app",
            ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        )["UserPoolClient"]["ClientId"]

    @classmethod
    def tearDownClass(cls):
        cls.emulator.stop()

    def assertError(self, call, code, message, status=400):
        with self.assertRaises(ClientError) as caught:
            call()
        response = caught.exception.response
        self.assertEqual(response["Error"]["Code"], code)
        self.assertEqual(response["Error"].get("Message", ""), message)
        self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], status)
        self.assertRegex(response["ResponseMetadata"]["RequestId"], UUID)
        return response

    # Valid calls.

    def test_user_pools_are_created_and_described_with_their_dates(self):
        self.assertRegex(self.pool_id, r"^us-east-1_[0-9a-f]{9}$")
        created = self.pool["CreationDate"]
        self.assertIsInstance(created, datetime.datetime)
        self.assertIsNotNone(created.tzinfo)
        now = datetime.datetime.now(datetime.timezone.utc)
        self.assertLess(abs((now - created).total_seconds()), 600)
        described = self.idp.describe_user_pool(UserPoolId=self.pool_id)
        self.assertRegex(described["ResponseMetadata"]["RequestId"], UUID)
        pool = described["UserPool"]
        self.assertEqual((pool["Id"], pool["Name"]), (self.pool_id, "emulated"))
        self.assertEqual(pool["CreationDate"], created)
        self.assertEqual(pool["Policies"], {"PasswordPolicy": {"MinimumLength": 8}})
        self.assertError(lambda: self.idp.describe_user_pool(UserPoolId="us-east-1_nope"),
                         "ResourceNotFoundException", "User pool us-east-1_nope does not exist.")

    def test_sign_up_confirm_and_sign_in(self):
        signed = self.idp.sign_up(
            ClientId=self.client_id, Username="alice", Password="Correct-Horse-9",
            UserAttributes=[{"Name": "email", "Value": "alice@example.com"}],
        )
        self.assertFalse(signed["UserConfirmed"])
        self.assertRegex(signed["UserSub"], UUID)
        self.assertEqual(signed["CodeDeliveryDetails"]["DeliveryMedium"], "EMAIL")
        sign_in = lambda password: self.idp.initiate_auth(
            ClientId=self.client_id, AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": "alice", "PASSWORD": password})
        self.assertError(lambda: sign_in("Correct-Horse-9"),
                         "UserNotConfirmedException", "User is not confirmed.")
        resent = self.idp.resend_confirmation_code(ClientId=self.client_id, Username="alice")
        self.assertEqual(resent["CodeDeliveryDetails"]["Destination"], "alice@example.com")
        self.assertError(
            lambda: self.idp.confirm_sign_up(ClientId=self.client_id, Username="alice",
                                             ConfirmationCode="000000"),
            "CodeMismatchException", "Invalid verification code provided, please try again.")
        self.idp.confirm_sign_up(ClientId=self.client_id, Username="alice",
                                 ConfirmationCode=CONFIRMATION_CODE)
        tokens = sign_in("Correct-Horse-9")["AuthenticationResult"]
        self.assertEqual((tokens["TokenType"], tokens["ExpiresIn"]), ("Bearer", 3600))
        self.assertTrue(tokens["AccessToken"] and tokens["IdToken"] and tokens["RefreshToken"])
        self.assertError(lambda: sign_in("wrong-password"),
                         "NotAuthorizedException", "Incorrect username or password.")
        self.assertError(
            lambda: self.idp.sign_up(ClientId=self.client_id, Username="alice",
                                     Password="Correct-Horse-9"),
            "UsernameExistsException", "User already exists")
        self.assertError(
            lambda: self.idp.sign_up(ClientId="unknownclient", Username="zed", Password="pw123456"),
            "ResourceNotFoundException", "User pool client unknownclient does not exist.")
        # The emulator leaves the admin flow out: the crate's default answers.
        self.assertError(
            lambda: self.idp.admin_confirm_sign_up(UserPoolId=self.pool_id, Username="alice"),
            "NotImplemented",
            "The operation AdminConfirmSignUp is not implemented by this server", status=501)

    def test_admin_create_get_and_list_users(self):
        names = ["bob", "carol", "dave", "erin", "frank"]
        created = {}
        for name in names:
            user = self.idp.admin_create_user(
                UserPoolId=self.pool_id, Username=name, TemporaryPassword="Temp-Pass-123",
                UserAttributes=[{"Name": "email", "Value": f"{name}@example.org"}],
            )["User"]
            self.assertEqual((user["Username"], user["UserStatus"]), (name, "FORCE_CHANGE_PASSWORD"))
            self.assertIsInstance(user["UserCreateDate"], datetime.datetime)
            created[name] = user
        got = self.idp.admin_get_user(UserPoolId=self.pool_id, Username="bob")
        self.assertEqual(got["Username"], "bob")
        self.assertEqual(got["UserCreateDate"], created["bob"]["UserCreateDate"])
        self.assertEqual(got["UserLastModifiedDate"], created["bob"]["UserCreateDate"])
        self.assertTrue(got["Enabled"])
        attributes = {a["Name"]: a["Value"] for a in got["UserAttributes"]}
        self.assertEqual(attributes["email"], "bob@example.org")
        self.assertRegex(attributes["sub"], UUID)
        self.assertError(
            lambda: self.idp.admin_create_user(UserPoolId=self.pool_id, Username="bob"),
            "UsernameExistsException", "User account already exists")
        self.assertError(lambda: self.idp.admin_get_user(UserPoolId=self.pool_id, Username="nobody"),
                         "UserNotFoundException", "User does not exist.")

        # Pages of two, by PaginationToken, then botocore's own paginator.
        seen, token = [], None
        while True:
            page = self.idp.list_users(UserPoolId=self.pool_id, Limit=2,
                                       **({"PaginationToken": token} if token else {}))
            self.assertLessEqual(len(page["Users"]), 2)
            seen += [u["Username"] for u in page["Users"]]
            token = page.get("PaginationToken")
            if not token:
                break
        self.assertTrue(set(names) <= set(seen))
        self.assertEqual(seen, sorted(seen))
        paginator = self.idp.get_paginator("list_users")
        everyone = [u["Username"] for p in paginator.paginate(UserPoolId=self.pool_id,
                                                              PaginationConfig={"PageSize": 3})
                    for u in p["Users"]]
        self.assertEqual(everyone, seen)

        only_bob = self.idp.list_users(UserPoolId=self.pool_id, Filter='username = "bob"')["Users"]
        self.assertEqual([u["Username"] for u in only_bob], ["bob"])
        self.assertIsInstance(only_bob[0]["UserCreateDate"], datetime.datetime)
        by_email = self.idp.list_users(UserPoolId=self.pool_id, Filter='email ^= "car"')["Users"]
        self.assertEqual([u["Username"] for u in by_email], ["carol"])
        self.assertEqual(self.idp.list_users(UserPoolId=self.pool_id,
                                             Filter='username = "nobody"')["Users"], [])
        self.assertError(lambda: self.idp.list_users(UserPoolId=self.pool_id, Filter="username"),
                         "InvalidParameterException", "Error while parsing filter.")

    # What the service refuses itself (no client-side validation).

    def test_constraint_violations_are_reported_together(self):
        self.assertError(
            lambda: self.loose.sign_up(ClientId="bad id!", Username="", Password="pw"),
            "InvalidParameterException",
            "3 validation errors detected: "
            "Value at 'clientId' failed to satisfy constraint: Member must satisfy regular "
            "expression pattern: [\\w+]+; "
            "Value at 'username' failed to satisfy constraint: Member must have length greater "
            "than or equal to 1; "
            "Value at 'username' failed to satisfy constraint: Member must satisfy regular "
            "expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+")
        self.assertError(
            lambda: self.loose.admin_get_user(UserPoolId=" us-east-1_abc", Username="x" * 129),
            "InvalidParameterException",
            "2 validation errors detected: "
            "Value ' us-east-1_abc' at 'userPoolId' failed to satisfy constraint: Member must "
            "satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+; "
            "Value at 'username' failed to satisfy constraint: Member must have length less "
            "than or equal to 128")
        self.assertError(
            lambda: self.loose.list_users(UserPoolId=self.pool_id, Limit=61),
            "InvalidParameterException",
            "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: "
            "Member must have value less than or equal to 60")
        self.assertError(
            lambda: self.loose.admin_create_user(UserPoolId=self.pool_id),
            "InvalidParameterException",
            "1 validation error detected: Value null at 'username' failed to satisfy "
            "constraint: Member must not be null")

    def test_wrong_json_types_are_serialization_exceptions(self):
        self.assertError(lambda: self.loose.list_users(UserPoolId=self.pool_id, Limit="ten"),
                         "SerializationException", "STRING_VALUE can not be converted to an Integer")
        self.assertError(lambda: self.loose.admin_get_user(UserPoolId=self.pool_id, Username=42),
                         "SerializationException", "NUMBER_VALUE can not be converted to a String")
        self.assertError(
            lambda: self.loose.create_user_pool_client(UserPoolId=self.pool_id, ClientName="c",
                                                       GenerateSecret="yes"),
            "SerializationException", "STRING_VALUE can not be converted to an Boolean")
        status, headers, body = post(self.emulator.url, PREFIX + "SignUp",
                                     '{"ClientId":"abc","Username":"u","UserAttributes":"x"}')
        self.assertEqual((status, headers["x-amzn-errortype"]), (400, "SerializationException"))
        self.assertEqual(body, {"__type": "SerializationException",
                                "message": "Expected list or null"})
        status, _, body = post(self.emulator.url, PREFIX + "SignUp",
                               '{"ClientId":"abc","Username":{"a":1}}')
        self.assertEqual((status, body["message"]),
                         (400, "Start of structure or map found where not expected."))

    def test_bad_json_has_no_message(self):
        status, headers, body = post(self.emulator.url, PREFIX + "SignUp", '{"ClientId": ')
        self.assertEqual(status, 400)
        self.assertEqual(headers["content-type"], "application/x-amz-json-1.1")
        self.assertEqual(headers["x-amzn-errortype"], "SerializationException")
        self.assertRegex(headers["x-amzn-requestid"], UUID)
        self.assertEqual(body, {"__type": "SerializationException"})

    def test_unknown_and_missing_targets(self):
        status, headers, body = post(self.emulator.url, PREFIX + "SignUpNow", "{}")
        self.assertEqual((status, headers["x-amzn-errortype"]), (400, "UnknownOperationException"))
        self.assertEqual(body, {"__type": "UnknownOperationException",
                                "message": "Unknown operation: " + PREFIX + "SignUpNow"})
        status, _, body = post(self.emulator.url, None, "{}")
        self.assertEqual((status, body["__type"]), (400, "UnknownOperationException"))
        self.assertEqual(body["message"], "Missing the X-Amz-Target header, which names the operation")

    def test_only_post_on_the_root_is_served(self):
        status, headers, body = post(self.emulator.url, PREFIX + "SignUp", "", method="GET")
        self.assertEqual((status, headers["allow"], headers["x-amzn-errortype"]),
                         (405, "POST", "MethodNotAllowed"))
        self.assertEqual(body["message"], "Method GET is not allowed: calls are POST requests to /")
        status, _, body = post(self.emulator.url, PREFIX + "SignUp", "{}", path="/v1")
        self.assertEqual((status, body["__type"]), (404, "NotFound"))


class Summary(unittest.TextTestResult):
    """Counts passes, for the closing `N passed, N failed` line."""

    passed = 0

    def addSuccess(self, test):
        super().addSuccess(test)
        Summary.passed += 1


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(CognitoEmulator)
    result = unittest.TextTestRunner(verbosity=2, resultclass=Summary).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    print(f"{Summary.passed} passed, {failed} failed")
    sys.exit(0 if result.wasSuccessful() and Summary.passed > 0 else 1)
